/**
 * The {@code pwk} command line: thin picocli commands over the values-schema, validator, renderer,
 * release and docs modules. {@link dev.pwk.cli.Pwk} is the entry point.
 */
package dev.pwk.cli;
