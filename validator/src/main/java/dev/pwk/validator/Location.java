package dev.pwk.validator;

/**
 * Where a finding points, with a rank that orders sources as the user gave them: files in {@code
 * -f} order, then flags in Helm's order, then the chart defaults.
 */
record Location(String file, int line, int column, long rank) {}
