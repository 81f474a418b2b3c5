package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/driver-protocol.md and its reference implementation agree: the version the harness speaks,
 * and every field of an attempt that Breezy's driver reports is documented.
 */
class DriverProtocolDocTest {

  private static final Path DOC = Path.of("..", "docs", "driver-protocol.md");
  private static final Path DRIVER =
      Path.of("src", "main", "resources", "dev", "cutpoint", "drive", "breezy", "driver.py");

  @Test
  void theDocumentIsOfTheVersionTheHarnessAndTheDriverSpeak() throws Exception {
    String doc = Files.readString(DOC);
    String driver = Files.readString(DRIVER);
    assertThat(doc).startsWith("# The driver protocol, version " + DriverInfo.PROTOCOL + "\n");
    assertThat(driver).contains("PROTOCOL = " + DriverInfo.PROTOCOL + "  # docs/driver-protocol.md");
    assertThat(driver).contains("docs/driver-protocol.md");
  }

  @Test
  void everyAttemptFieldTheDriverReportsIsDocumented() throws Exception {
    String driver = Files.readString(DRIVER);
    String toJson = driver.substring(driver.indexOf("    def to_json(self):"));
    toJson = toJson.substring(0, toJson.indexOf("\n\n"));
    List<String> fields = new ArrayList<>();
    Matcher field = Pattern.compile("'(\\w+)':").matcher(toJson);
    while (field.find()) {
      fields.add(field.group(1));
    }
    assertThat(fields).hasSize(10);
    String doc = Files.readString(DOC);
    assertThat(fields).allSatisfy(f -> assertThat(doc).contains("| `" + f + "` |"));
  }
}
