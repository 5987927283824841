package vn.ioc.citizenreports.open311;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo profile's Open311 partner, with api_key {@code demo}. */
@Component
@Profile("demo")
class DemoPartner {

  private final PartnerApiKeys keys;

  DemoPartner(PartnerApiKeys keys) {
    this.keys = keys;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void registerDemoKey() {
    keys.register("demo", "demo");
  }
}
