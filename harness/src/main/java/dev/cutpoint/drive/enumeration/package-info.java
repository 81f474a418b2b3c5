/**
 * Every cut point of one workload, once each (SPEC §12): the workload, the cut points a target can
 * express (and the ones it cannot, with the reason), one case per cut point through the matrix's
 * own case loop ({@code Target}, {@code CaseRunner}), and the report's strips.
 */
package dev.cutpoint.drive.enumeration;
