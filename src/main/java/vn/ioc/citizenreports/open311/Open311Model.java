package vn.ioc.citizenreports.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * The documents of Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), named as the
 * specification names them. JSON sends the lists bare; XML wraps them in the specification's root
 * and item elements.
 */
final class Open311Model {

  private Open311Model() {}

  record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
      String keywords, String group) {}

  @JacksonXmlRootElement(localName = "services")
  record Services(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service") List<Service> items) {}

  record AttributeValue(String key, String name) {}

  record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
      int order, String description,
      @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value") List<AttributeValue> values) {}

  @JacksonXmlRootElement(localName = "service_definition")
  record ServiceDefinition(String serviceCode,
      @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute") List<Attribute> attributes) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName, String serviceCode,
      String description, String agencyResponsible, String serviceNotice, String address, String addressId, String zipcode,
      Double lat, @JsonProperty("long") Double lon, String mediaUrl, String requestedDatetime, String updatedDatetime,
      String expectedDatetime) {}

  @JacksonXmlRootElement(localName = "service_requests")
  record ServiceRequests(
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<ServiceRequest> items) {}

  record Created(String serviceRequestId, String token, String serviceNotice, String accountId) {}

  @JacksonXmlRootElement(localName = "service_requests")
  record CreatedList(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<Created> items) {}

  record Token(String serviceRequestId, String token) {}

  @JacksonXmlRootElement(localName = "service_requests")
  record Tokens(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<Token> items) {}

  record Error(String code, String description) {}

  @JacksonXmlRootElement(localName = "errors")
  record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error") List<Error> items) {}

  record Endpoint(String specification, String url, String changeset, String type,
      @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format") List<String> formats) {}

  @JacksonXmlRootElement(localName = "discovery")
  record Discovery(String changeset, String contact, String keyService,
      @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint") List<Endpoint> endpoints) {}
}
