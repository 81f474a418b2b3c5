package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutpoint.verbs.Verbs;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java client against the real {@code brz serve --allow-writes} (Breezy 3.3.2): every verb of
 * the registry that Breezy has, with the answers Breezy gives, errors included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreezyServerInteropTest {

  private BreezyServe breezy;
  private SmartClient client;
  private Path root;

  @BeforeAll
  void serve(@TempDir Path temp) throws Exception {
    root = Files.createDirectories(temp.resolve("served"));
    BreezyServe.run(root, "init", "--quiet", "branch");
    breezy = BreezyServe.start(root);
  }

  @BeforeEach
  void connect() {
    if (client != null) {
      client.close();
    }
    client = new SmartClient(breezy.connector(), ClientOptions.defaults().withTimeout(Duration.ofSeconds(30)));
  }

  @AfterAll
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (breezy != null) {
      breezy.close();
    }
  }

  private static ByteString text(String s) {
    return ByteString.of(s);
  }

  private Response call(dev.cutpoint.verbs.Verb verb, RequestBody body, String... args) throws CallFailed {
    return client.call(Request.of(verb, body, args));
  }

  @Test
  void hello() throws Exception {
    assertThat(call(Verbs.HELLO, RequestBody.NONE).args()).isEqualTo(BList.ofStrings("ok", "2"));
  }

  @Test
  void putGetHasStatReadv() throws Exception {
    assertThat(call(Verbs.PUT, RequestBody.of(text("hello world")), "a.txt", "").args())
        .isEqualTo(BList.ofStrings("ok"));
    assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("hello world");

    Response got = call(Verbs.GET, RequestBody.NONE, "a.txt");
    assertThat(got.args()).isEqualTo(BList.ofStrings("ok"));
    assertThat(got.body()).isEqualTo(text("hello world"));

    assertThat(call(Verbs.HAS, RequestBody.NONE, "a.txt").args()).isEqualTo(BList.ofStrings("yes"));
    assertThat(call(Verbs.HAS, RequestBody.NONE, "nothing").args()).isEqualTo(BList.ofStrings("no"));

    Response stat = call(Verbs.STAT, RequestBody.NONE, "a.txt");
    assertThat(stat.arg(0)).isEqualTo("stat");
    assertThat(stat.arg(1)).isEqualTo("11");
    assertThat(stat.arg(2)).startsWith("0o100");

    Response readv =
        call(
            Verbs.READV,
            RequestBody.readv(List.of(new RequestBody.Range(0, 5), new RequestBody.Range(6, 5))),
            "a.txt");
    assertThat(readv.args()).isEqualTo(BList.ofStrings("readv"));
    assertThat(readv.body()).isEqualTo(text("helloworld"));
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    RemoteError error = catchThrowableOfType(RemoteError.class, () -> call(Verbs.GET, RequestBody.NONE, "missing.txt"));

    assertThat(error.errorName()).isEqualTo("NoSuchFile");
    assertThat(error.errorArgs().bytes(1).utf8()).endsWith("missing.txt");
  }

  @Test
  void putNonAtomicCreatesTheParent() throws Exception {
    assertThat(call(Verbs.PUT_NON_ATOMIC, RequestBody.of(text("deep")), "newparent/c.txt", "", "T", "").args())
        .isEqualTo(BList.ofStrings("ok"));
    assertThat(Files.readString(root.resolve("newparent/c.txt"))).isEqualTo("deep");
  }

  @Test
  void mkdirListDirRenameDeleteRmdir() throws Exception {
    assertThat(call(Verbs.MKDIR, RequestBody.NONE, "d", "").args()).isEqualTo(BList.ofStrings("ok"));
    RemoteError exists = catchThrowableOfType(RemoteError.class, () -> call(Verbs.MKDIR, RequestBody.NONE, "d", ""));
    assertThat(exists.errorName()).isEqualTo("FileExists");

    call(Verbs.PUT, RequestBody.of(text("1")), "d/one", "");
    assertThat(call(Verbs.RENAME, RequestBody.NONE, "d/one", "d/two").args()).isEqualTo(BList.ofStrings("ok"));
    assertThat(call(Verbs.LIST_DIR, RequestBody.NONE, "d").args()).isEqualTo(BList.ofStrings("names", "two"));

    RemoteError notEmpty = catchThrowableOfType(RemoteError.class, () -> call(Verbs.RMDIR, RequestBody.NONE, "d"));
    assertThat(notEmpty.errorName()).isEqualTo("DirectoryNotEmpty");

    assertThat(call(Verbs.DELETE, RequestBody.NONE, "d/two").args()).isEqualTo(BList.ofStrings("ok"));
    RemoteError gone = catchThrowableOfType(RemoteError.class, () -> call(Verbs.DELETE, RequestBody.NONE, "d/two"));
    assertThat(gone.errorName()).isEqualTo("NoSuchFile");

    assertThat(call(Verbs.RMDIR, RequestBody.NONE, "d").args()).isEqualTo(BList.ofStrings("ok"));
    assertThat(Files.exists(root.resolve("d"))).isFalse();
  }

  @Test
  void appendAnswersTheLengthBeforeTheAppend() throws Exception {
    assertThat(call(Verbs.APPEND, RequestBody.of(text("12345")), "log", "").args())
        .isEqualTo(BList.ofStrings("appended", "0"));
    assertThat(call(Verbs.APPEND, RequestBody.of(text("678")), "log", "").args())
        .isEqualTo(BList.ofStrings("appended", "5"));
    assertThat(Files.readString(root.resolve("log"))).isEqualTo("12345678");
  }

  @Test
  void branchLockWriteThenContentionThenUnlock() throws Exception {
    Response locked = call(Verbs.BRANCH_LOCK_WRITE, RequestBody.NONE, "branch/", "", "");
    assertThat(locked.arg(0)).isEqualTo("ok");
    String branchToken = locked.arg(1);
    String repoToken = locked.arg(2);
    assertThat(branchToken).isNotEmpty();

    RemoteError contention =
        catchThrowableOfType(RemoteError.class, () -> call(Verbs.BRANCH_LOCK_WRITE, RequestBody.NONE, "branch/", "", ""));
    assertThat(contention.errorName()).isEqualTo("LockContention");

    assertThat(call(Verbs.BRANCH_UNLOCK, RequestBody.NONE, "branch/", branchToken, repoToken).args())
        .isEqualTo(BList.ofStrings("ok"));
    RemoteError unlocked =
        catchThrowableOfType(
            RemoteError.class, () -> call(Verbs.BRANCH_UNLOCK, RequestBody.NONE, "branch/", branchToken, repoToken));
    assertThat(unlocked.errorName()).isEqualTo("TokenMismatch");
  }

  @Test
  void aLargeBodyGoesThroughWhole() throws Exception {
    byte[] big = new byte[6 << 20];
    new java.util.Random(7).nextBytes(big);
    call(Verbs.PUT, RequestBody.of(ByteString.of(big)), "big", "");

    assertThat(call(Verbs.GET, RequestBody.NONE, "big").body()).isEqualTo(ByteString.of(big));
  }
}
