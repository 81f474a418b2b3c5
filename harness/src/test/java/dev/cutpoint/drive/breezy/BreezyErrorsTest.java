package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.MayHaveExecuted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** I4's reading of Breezy's exceptions, with the texts Breezy 3.3.2 gives them. */
class BreezyErrorsTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      TooManyConcurrentRequests | The medium '<GatedMedium>' has reached its concurrent request limit. | NO
      ConnectionError | Connection error: failed to connect to 127.0.0.1:1: [Errno 111] Connection refused | NO
      ConnectionReset | Connection closed: Error trying to write to socket [Errno 32] Broken pipe | NO
      ConnectionReset | Connection closed: Sending to <socket> returned 0 bytes | NO
      ConnectionReset | Connection closed: Unexpected end of message. Please check connectivity and permissions, and report a bug if problems persist. | YES
      TimeoutError | timed out | YES
      SmartProtocolError | Generic bzr smart protocol error: bad response | NOT_SAID
      BrokenPipeError | [Errno 32] Broken pipe | NOT_SAID
      """)
  void whatTheExceptionTellsItsCaller(String type, String message, MayHaveExecuted said) {
    assertThat(BreezyErrors.mayHaveExecuted(type, message)).isEqualTo(said);
  }
}
