package vn.ioc.citizenreports.open311;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ioc.citizenreports.open311.Open311Model.CreatedList;
import vn.ioc.citizenreports.open311.Open311Model.Errors;
import vn.ioc.citizenreports.open311.Open311Model.ServiceRequests;
import vn.ioc.citizenreports.open311.Open311Model.Services;
import vn.ioc.citizenreports.open311.Open311Model.Token;
import vn.ioc.citizenreports.open311.Open311Model.Tokens;
import vn.ioc.citizenreports.open311.Open311Service.Open311Exception;

/**
 * Open311 GeoReport v2 at /open311/v2, in JSON ({@code .json}) and XML ({@code .xml}). The
 * documents are written here rather than by Spring's converters, so that the rest of the API
 * stays JSON-only.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

  private static final ObjectMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .findAndAddModules().build();
  private static final XmlMapper XML = XmlMapper.builder(xmlFactoryReplacingInvalidCharacters())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).findAndAddModules().build();

  private final Open311Service open311;

  Open311Controller(Open311Service open311) {
    this.open311 = open311;
  }

  @GetMapping("/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format) {
    return render(format, 200, open311.discovery(), open311.discovery());
  }

  @GetMapping("/services.{format}")
  ResponseEntity<String> services(@PathVariable String format) {
    var services = open311.services();
    return render(format, 200, services, new Services(services));
  }

  @GetMapping("/services/{serviceCode}.{format}")
  ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format) {
    var definition = open311.definition(serviceCode);
    return render(format, 200, definition, definition);
  }

  @PostMapping(value = "/requests.{format}", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
  ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> form) {
    checkFormat(format);
    var created = List.of(open311.create(form));
    return render(format, 201, created, new CreatedList(created));
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> query) {
    checkFormat(format);
    var requests = open311.requests(query);
    return render(format, 200, requests, new ServiceRequests(requests));
  }

  @GetMapping("/requests/{id}.{format}")
  ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
    checkFormat(format);
    var requests = List.of(open311.request(id));
    return render(format, 200, requests, new ServiceRequests(requests));
  }

  @GetMapping("/tokens/{token}.{format}")
  ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
    checkFormat(format);
    String id = open311.requestOfToken(token).orElseThrow(() -> Open311Exception.of(404, "token not found"));
    var tokens = List.of(new Token(id, token));
    return render(format, 200, tokens, new Tokens(tokens));
  }

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<String> error(Open311Exception e, jakarta.servlet.http.HttpServletRequest request) {
    String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
    return render(format, e.status, e.errors, new Errors(e.errors));
  }

  private static void checkFormat(String format) {
    if (!format.equals("json") && !format.equals("xml")) {
      throw Open311Exception.of(404, "format must be json or xml");
    }
  }

  /**
   * XML 1.0 cannot carry most control characters, which citizens' text and request ids may hold:
   * they are written as U+FFFD rather than failing the whole document.
   */
  private static XmlFactory xmlFactoryReplacingInvalidCharacters() {
    XMLOutputFactory output = XMLOutputFactory.newFactory();
    output.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER, new InvalidCharHandler.ReplacingHandler('\uFFFD'));
    return XmlFactory.builder().xmlOutputFactory(output).build();
  }

  private static ResponseEntity<String> render(String format, int status, Object json, Object xml) {
    checkFormat(format);
    try {
      boolean isXml = format.equals("xml");
      return ResponseEntity.status(HttpStatus.valueOf(status))
          .contentType(isXml ? new MediaType("text", "xml", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
          .body(isXml ? XML.writeValueAsString(xml) : JSON.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an Open311 document", e);
    }
  }
}
