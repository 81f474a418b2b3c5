package dev.cutpoint.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Hand-built reports: a small one whose every number a test can check, and a realistic one. */
final class SampleReports {
  static final List<String> VERB_CLASSES = List.of("read", "idem", "semi", "semivfs", "mutate", "stream");
  static final List<String> PHASES = List.of("WRITE", "FLUSH", "READ", "BETWEEN");
  static final List<String> KINDS = List.of("CLOSE", "RESET", "BLACKHOLE", "SLICE", "LATENCY");

  private SampleReports() {}

  static Run run(long seed, int tries, List<String> targets, List<SkippedTarget> skipped) {
    return new Run(seed, tries, targets, skipped,
        new ProxyProvider("embedded", "2.12.0-cutpoint"),
        new Versions("17.0.15", "0.1.0", Optional.of("3.3.2"), Optional.of("/usr/lib/python3/dist-packages/breezy")),
        Instant.parse("2025-05-01T10:00:00Z"), Duration.ofSeconds(192, 400_000_000), workers(targets));
  }

  /** Eight workers on the java target, two on any other, as the matrix's defaults on 2 cores. */
  static Map<String, Integer> workers(List<String> targets) {
    Map<String, Integer> workers = new LinkedHashMap<>();
    targets.forEach(t -> workers.put(t, t.equals("java") ? 8 : 2));
    return workers;
  }

  static RequestRecord request(int index, String verb, String verbClass, long body, String... args) {
    return new RequestRecord(index, verb, verbClass, List.of(args), body);
  }

  static AttemptRecord ok(int attempt, long connection, long written, String response) {
    return new AttemptRecord(attempt, connection, written, true, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(response));
  }

  static AttemptRecord failed(int attempt, long connection, long written, boolean complete,
      String seen, String error, boolean resend, String reason) {
    return new AttemptRecord(attempt, connection, written, complete, Optional.of(seen),
        Optional.of(error), Optional.of(new RetryDecision(resend, reason)), Optional.empty());
  }

  static CallRecord call(int index, Outcome outcome, AttemptRecord... attempts) {
    return new CallRecord(index, List.of(attempts), outcome);
  }

  /**
   * One target ({@code java}), rows read and mutate, columns WRITE/READ × CLOSE/RESET; mutate ×
   * READ/RESET is not applicable. Four cases: two in read × WRITE/CLOSE, both resent; two in
   * mutate × READ/CLOSE, one failed loudly and one ({@code java-3}, after a {@code put}) a violation
   * of I2 that two of three replays reproduced. Cases took 12, 9, 15 and 40 ms.
   */
  static MatrixReport small() {
    Axes axes = new Axes(List.of("read", "mutate"), List.of("WRITE", "READ"), List.of("CLOSE", "RESET"));
    Run run = run(42, 2, List.of("java"), List.of(new SkippedTarget("breezy-server", "brz not on PATH")));
    List<CaseRecord> cases = new ArrayList<>();
    cases.add(new CaseRecord("java-0", 1001, "java",
        List.of(request(0, "get", "read", 0, "a/x")),
        new FaultRecord(0, "WRITE", 10, Optional.of(40L), "CLOSE"),
        List.of(call(0, Outcome.AFTER_RESEND,
            failed(1, 1, 10, false, "read", "ConnectionLost(mayHaveExecuted=false)", true, "write-phase failure: the server saw no complete request"),
            ok(2, 2, 40, "oS(\"ok\") + 12 B body"))),
        Outcome.AFTER_RESEND, Verdict.PASSED, Replay.of("reports/target/fault-matrix/cases/java-0.json"), Optional.of(12L)));
    cases.add(new CaseRecord("java-1", 1002, "java",
        List.of(request(0, "get", "read", 0, "a/x")),
        new FaultRecord(0, "WRITE", 3, Optional.of(40L), "CLOSE"),
        List.of(call(0, Outcome.AFTER_RESEND,
            failed(1, 1, 3, false, "write", "ConnectionLost(mayHaveExecuted=false)", true, "write-phase failure"),
            ok(2, 2, 40, "oS(\"ok\")"))),
        Outcome.AFTER_RESEND, Verdict.PASSED, Replay.of("reports/target/fault-matrix/cases/java-1.json"), Optional.of(9L)));
    cases.add(new CaseRecord("java-2", 1003, "java",
        List.of(request(0, "append", "mutate", 24, "a/log", "")),
        new FaultRecord(0, "READ", 2, Optional.of(19L), "CLOSE"),
        List.of(call(0, Outcome.FAILED_LOUDLY,
            failed(1, 1, 60, true, "read", "ConnectionLost(mayHaveExecuted=true)", false, "mutate may have executed"))),
        Outcome.FAILED_LOUDLY, Verdict.PASSED, Replay.of("reports/target/fault-matrix/cases/java-2.json"), Optional.of(15L)));
    cases.add(new CaseRecord("java-3", 1004, "java",
        List.of(request(0, "put", "idem", 16, "a/x", ""), request(1, "append", "mutate", 24, "a/log", "")),
        new FaultRecord(1, "READ", 0, Optional.of(19L), "CLOSE"),
        List.of(call(0, Outcome.FIRST_TRY, ok(1, 1, 70, "oS(\"ok\")")),
            call(1, Outcome.AFTER_RESEND,
                failed(1, 1, 60, true, "read", "ConnectionLost(mayHaveExecuted=true)", true, "resend everything (mutant)"),
                ok(2, 2, 60, "oS(\"appended\", \"48\")"))),
        Outcome.VIOLATION,
        Verdict.violated(new Violation(InvariantId.I2, Optional.of(1), "append executed twice: journal entries 2 and 3",
            Optional.of(new Confirmation(2, 3)))),
        Replay.of("reports/target/fault-matrix/cases/java-3.json"), Optional.of(40L)));
    Map<CellKey, String> notApplicable = Map.of(
        new CellKey("java", "mutate", "READ", "RESET"), "reset_peer drops the first response chunk only");
    return MatrixReport.tally(run, axes, notApplicable, cases, List.of());
  }

  /**
   * Two targets over the full axes, {@code tries} cases per applicable cell, outcomes as the rules
   * of SPEC §1 would give them, plus: new violations on {@code java} (I2, I5), an undecided case,
   * and expected findings on {@code breezy-server}.
   */
  static MatrixReport realistic(int tries) {
    Random random = new Random(7);
    Axes axes = new Axes(VERB_CLASSES, PHASES, KINDS);
    List<String> targets = List.of("java", "breezy-server");
    Run run = run(20250501L, tries, targets,
        List.of(new SkippedTarget("breezy-client", "--target java,breezy-server was asked"),
            new SkippedTarget("breezy", "--target java,breezy-server was asked")));
    Map<CellKey, String> notApplicable = new LinkedHashMap<>();
    for (String target : targets) {
      for (String verbClass : VERB_CLASSES) {
        notApplicable.put(new CellKey(target, verbClass, "BETWEEN", "BLACKHOLE"),
            "a graceful restart closes connections; it cannot black-hole one");
        for (String phase : List.of("WRITE", "FLUSH")) {
          notApplicable.put(new CellKey(target, verbClass, phase, "RESET"),
              "reset_peer fires on the first bytes after it applies: exact only at a request's start, which BETWEEN covers");
        }
      }
    }
    for (String phase : PHASES) {
      for (String kind : KINDS) {
        notApplicable.put(new CellKey("breezy-server", "stream", phase, kind),
            "brz serve has no stream verb (insert_stream is the reference server's own)");
      }
    }
    List<Expectation> expectations = List.of(new Expectation("brz-serve-mkdir-twice", "breezy-server",
        Optional.of("semivfs"), Optional.of("READ"), Optional.empty(), InvariantId.I2,
        "reviewed 2025-04: Breezy's client resends semivfs verbs after a read-phase failure"));
    List<CaseRecord> cases = new ArrayList<>();
    int id = 0;
    for (String target : targets) {
      for (CellKey cell : axes.cellsOf(target)) {
        if (notApplicable.containsKey(cell)) {
          continue;
        }
        int count = tries + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        if (target.equals("breezy-server") && cell.verbClass().equals("semi") && cell.phase().equals("BETWEEN")) {
          count = tries - 3; // a cell short of its planned tries, so coverage is not complete
        }
        for (int i = 0; i < count; i++) {
          cases.add(realisticCase(target + "-" + id++, random, cell, i));
        }
      }
    }
    return MatrixReport.tally(run, axes, notApplicable, cases, expectations);
  }

  private static CaseRecord realisticCase(String id, Random random, CellKey cell, int nth) {
    long seed = random.nextLong();
    List<RequestRecord> requests = new ArrayList<>();
    int before = random.nextInt(3);
    for (int i = 0; i < before; i++) {
      requests.add(request(i, "put", "idem", 100 + random.nextInt(4000), "f" + random.nextInt(4), ""));
    }
    int index = before;
    requests.add(switch (cell.verbClass()) {
      case "read" -> request(index, "get", "read", 0, "f" + random.nextInt(4));
      case "idem" -> request(index, "put", "idem", random.nextInt(10) == 0 ? 4_194_304 : 512, "f1", "");
      case "semi" -> request(index, "Branch.lock_write", "semi", 0, "b/", "", "");
      case "semivfs" -> request(index, "mkdir", "semivfs", 0, "d" + random.nextInt(3), "");
      case "mutate" -> request(index, "append", "mutate", 37, "log", "");
      default -> request(index, "insert_stream", "stream", 3 * 65_536, "");
    });
    long n = 60 + requests.get(index).bodyBytes();
    long m = 40;
    long offset = switch (cell.phase()) {
      case "WRITE" -> random.nextInt((int) Math.min(n - 1, 10_000));
      case "FLUSH" -> n - random.nextInt(2);
      case "READ" -> random.nextInt((int) m);
      default -> 0;
    };
    Optional<Long> outOf = cell.phase().equals("READ") ? Optional.of(m)
        : cell.phase().equals("BETWEEN") ? Optional.empty() : Optional.of(n);
    FaultRecord fault = new FaultRecord(index, cell.phase(), offset, outOf, cell.kind());

    boolean resendable = List.of("read", "idem", "semi").contains(cell.verbClass());
    boolean nonFatal = cell.kind().equals("SLICE") || cell.kind().equals("LATENCY");
    boolean writeSide = cell.phase().equals("WRITE") || cell.phase().equals("BETWEEN")
        || (cell.phase().equals("FLUSH") && offset < n);
    boolean stream = cell.verbClass().equals("stream");
    Outcome outcome;
    if (nonFatal) {
      outcome = Outcome.FIRST_TRY;
    } else if (writeSide && !stream) {
      outcome = Outcome.AFTER_RESEND;
    } else if (resendable) {
      outcome = Outcome.AFTER_RESEND;
    } else {
      outcome = Outcome.FAILED_LOUDLY;
    }
    // FLUSH at k = n: the reply is lost most of the time, but not always (SPEC §5.1)
    if (!nonFatal && cell.phase().equals("FLUSH") && offset == n && random.nextInt(10) == 0) {
      outcome = Outcome.FIRST_TRY;
    }
    Verdict verdict = Verdict.PASSED;
    if (cell.target().equals("java") && cell.verbClass().equals("mutate") && cell.phase().equals("FLUSH")
        && cell.kind().equals("CLOSE") && nth % 3 == 0) {
      verdict = Verdict.violated(new Violation(InvariantId.I2, Optional.of(index),
          "append executed twice: journal entries " + (2 * index + 1) + " (conn 1) and " + (2 * index + 2)
              + " (conn 2) carry the same payload hash"));
    } else if (cell.target().equals("java") && cell.verbClass().equals("idem") && cell.phase().equals("READ")
        && cell.kind().equals("BLACKHOLE") && nth == 1) {
      verdict = Verdict.violated(new Violation(InvariantId.I5, Optional.of(index),
          "3 attempts for one call: the client resent twice after read timeouts"));
    } else if (cell.target().equals("breezy-server") && cell.verbClass().equals("semivfs")
        && cell.phase().equals("READ") && !nonFatal && nth % 4 == 1) {
      verdict = Verdict.violated(new Violation(InvariantId.I2, Optional.of(index),
          "mkdir ran twice: the resend answered FileExists"));
    }
    if (!verdict.passed()) {
      outcome = Outcome.VIOLATION;
    } else if (cell.target().equals("breezy-server") && cell.phase().equals("BETWEEN")
        && cell.kind().equals("RESET") && random.nextInt(12) == 0) {
      outcome = Outcome.UNDECIDED;
    }

    List<CallRecord> calls = new ArrayList<>();
    long connection = 1;
    for (int i = 0; i < index; i++) {
      calls.add(call(i, Outcome.FIRST_TRY, ok(1, connection, 60 + requests.get(i).bodyBytes(), "oS(\"ok\")")));
    }
    long written = cell.phase().equals("WRITE") ? offset : n;
    String seen = writeSide && written > 65_536 ? "write" : "read";
    String error = cell.kind().equals("BLACKHOLE") ? "CallTimeout(after=2000ms)"
        : "ConnectionLost(mayHaveExecuted=" + !writeSide + ")";
    List<AttemptRecord> attempts = new ArrayList<>();
    switch (outcome) {
      case FIRST_TRY -> attempts.add(ok(1, connection, n, "oS(\"ok\")"));
      case AFTER_RESEND, UNDECIDED -> {
        attempts.add(failed(1, connection, written, written == n, seen, error, true,
            writeSide ? "write-phase failure: the server cannot have executed it"
                : cell.verbClass() + " is safe to resend after a read-phase failure"));
        attempts.add(ok(2, connection + 1, n, "oS(\"ok\")"));
      }
      case FAILED_LOUDLY -> attempts.add(failed(1, connection, written, written == n, seen, error, false,
          stream ? "the body stream started: it cannot be rewound"
              : cell.verbClass() + " may have executed: no resend after a read-phase failure"));
      case VIOLATION -> {
        attempts.add(failed(1, connection, written, written == n, seen, error, true,
            "the policy under test resends " + cell.verbClass()));
        attempts.add(ok(2, connection + 1, n, "oS(\"ok\")"));
        if (cell.kind().equals("BLACKHOLE")) {
          attempts.set(1, failed(2, connection + 1, n, true, "timeout", error, true, "the policy under test resends again"));
          attempts.add(ok(3, connection + 2, n, "oS(\"ok\")"));
        }
      }
    }
    Outcome callOutcome = outcome == Outcome.VIOLATION || outcome == Outcome.UNDECIDED
        ? Outcome.AFTER_RESEND : outcome;
    calls.add(new CallRecord(index, attempts, callOutcome));
    return new CaseRecord(id, seed, cell.target(), requests, fault, calls, outcome, verdict,
        Replay.of("reports/target/fault-matrix/cases/" + id + ".json"), Optional.of(5L + Math.floorMod(seed, 40)));
  }

  /** Markup in every text a harness could hand over: the page and the Markdown must show it as text. */
  static final String TARGET = "t\"><b id=\"pwned-target\">";
  static final String VERB_CLASS = "read<img src=x id=pwned-img>";
  static final String ARG = "</script><script>document.documentElement.dataset.pwned='1'</script>";
  static final String EVIDENCE = "<svg id=pwned-svg onload=\"document.documentElement.dataset.pwned='2'\">";
  static final String CASE_FILE = "cases/it's $(touch pwned).json";

  static MatrixReport hostile() {
    Axes axes = new Axes(List.of(VERB_CLASS), List.of("WRITE"), List.of("CLOSE", "RESET<i>"));
    Run run = new Run(1, 1, List.of(TARGET), List.of(new SkippedTarget("breezy", "<u id=pwned-skip>")),
        new ProxyProvider("<em id=pwned-proxy>", "1&2"), new Versions("17", "0.1", Optional.empty()),
        Instant.parse("2025-05-01T10:00:00Z"), Duration.ofSeconds(1), Map.of(TARGET, 1));
    CaseRecord hostile = new CaseRecord("case<1>", 9, TARGET,
        List.of(request(0, "get<x>", VERB_CLASS, 0, ARG, "line\nbreak | `tick`")),
        new FaultRecord(0, "WRITE", 1, Optional.of(9L), "CLOSE"),
        List.of(call(0, Outcome.FAILED_LOUDLY,
            failed(1, 1, 1, false, "read", "<script>alert(1)</script>", false, "<i>no</i>"))),
        Outcome.VIOLATION,
        Verdict.violated(new Violation(InvariantId.I4, Optional.of(0), EVIDENCE)),
        Replay.of(CASE_FILE), Optional.of(3L));
    return MatrixReport.tally(run, axes,
        Map.of(new CellKey(TARGET, VERB_CLASS, "WRITE", "RESET<i>"), "<iframe id=pwned-frame>"),
        List.of(hostile),
        List.of());
  }
}
