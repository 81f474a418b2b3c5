/**
 * The driver (SPEC §6): generates cases, runs them against a {@link dev.cutpoint.drive.Target}
 * through the {@link dev.cutpoint.fault.Nemesis}, records them as {@link dev.cutpoint.history}
 * values, has the {@link dev.cutpoint.check.Oracle} judge them, shrinks the violating ones and
 * writes the report.
 *
 * <p>The public API, in three calls:
 *
 * <pre>{@code
 * // the fault matrix: every cell, N cases each, judged; then the report and one case file per case
 * MatrixSettings settings = MatrixSettings.of(seed).withTries(2).withMutant(Mutant.RESEND_NONE)
 *     .withOut(Path.of("reports/target/fault-matrix"));
 * MatrixResult result = FaultMatrix.run(settings, MatrixListener.NONE);
 * MatrixReports.write(result);
 * result.summaryLine();   // "504 cases, 12 violations, 72/72 cells covered"
 *
 * // one case: a cell's arbitrary (usable with jqwik's @ForAll too), sampled or generated
 * try (Target target = JavaTarget.start(TargetSettings.defaults())) {
 *   Arbitrary<CaseSpec> cases = Workload.cases(cell, EnumSet.allOf(VerbClass.class),
 *       target.betweenDeliveries(), false);
 *   CaseResult judged = CaseRunner.run(target, Workload.sample(cases, seed, "my-case"));
 *   judged.verdict().violations();  judged.record().injection().fired();
 * }
 *
 * // a recorded case again, exactly
 * Replay.Result again = Replay.run(CaseFile.read(path), Optional.empty());
 * }</pre>
 */
package dev.cutpoint.drive;
