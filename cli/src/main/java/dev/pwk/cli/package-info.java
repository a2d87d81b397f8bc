/**
 * The {@code pwk} command line: thin picocli commands over the values-schema, validator,
 * renderer and docs modules. {@link dev.pwk.cli.Pwk} is the entry point; the cluster-facing
 * release manager lives in {@code dev.pwk.cli.release}.
 */
package dev.pwk.cli;
