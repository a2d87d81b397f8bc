package dev.pwk.cli.doc;

import dev.pwk.cli.Pwk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes docs/cli-reference.md from the picocli model of {@link Pwk#newCommandLine()}: every
 * command that is not hidden, with its synopsis, description, arguments, options (descriptions and
 * defaults) and exit codes. Only the introduction and the shell-completion section are fixed text.
 */
final class CliReference {
  /** Width of the synopsis blocks; fixed so that the output does not depend on a terminal. */
  static final int WIDTH = 100;

  static final String REGENERATE =
      "./mvnw -q -o -pl cli test -Dtest=CliReferenceTest -Dpwk.golden.update=true";

  private CliReference() {}

  static String generate() {
    CommandLine root = Pwk.newCommandLine();
    List<CommandLine> commands = new ArrayList<>();
    collect(root, commands);

    StringBuilder md = new StringBuilder();
    md.append("# pwk command reference\n\n");
    md.append("<!-- Generated from the picocli model of dev.pwk.cli.Pwk by")
        .append(" cli/src/test/java/dev/pwk/cli/doc/CliReferenceTest.java; do not edit.")
        .append(" Regenerate with: ")
        .append(REGENERATE)
        .append(" -->\n\n");
    md.append("Every command also takes `-h`, `--help` (print its help and exit) and `-V`,")
        .append(" `--version` (print the pwk and chart versions and exit). Options and their")
        .append(" values may be written `--option value` or `--option=value`. The")
        .append(" [user guide](guide/README.md) shows the commands at work.\n\n");
    md.append("| command | what it does |\n|---|---|\n");
    for (CommandLine cl : commands) {
      CommandSpec spec = cl.getCommandSpec();
      md.append("| [`")
          .append(spec.qualifiedName(" "))
          .append("`](#")
          .append(anchor(spec.qualifiedName(" ")))
          .append(") | ")
          .append(escape(summary(spec)).replace("|", "\\|"))
          .append(" |\n");
    }
    md.append('\n');
    for (CommandLine cl : commands) {
      command(md, cl, root);
    }
    md.append("## Shell completion\n\n")
        .append("`pwk completion bash` and `pwk completion zsh` print a completion script for")
        .append(" every command and option above. Load it in the current shell, or add the line")
        .append(" to `~/.bashrc` or `~/.zshrc`:\n\n")
        .append("```sh\n")
        .append("source <(pwk completion bash)\n")
        .append("autoload -U +X bashcompinit && bashcompinit && source <(pwk completion zsh)\n")
        .append("```\n");
    return md.toString();
  }

  /** The command and its visible subcommands, depth first, in registration order. */
  private static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && !out.contains(sub)) {
        collect(sub, out);
      }
    }
  }

  private static void command(StringBuilder md, CommandLine cl, CommandLine root) {
    CommandSpec spec = cl.getCommandSpec();
    spec.usageMessage().width(WIDTH);
    md.append("## `").append(spec.qualifiedName(" ")).append("`\n\n");
    md.append("```text\n")
        .append(stripTrailing(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0)))
        .append("```\n\n");
    if (spec.usageMessage().header().length > 0) {
      md.append(escape(String.join(" ", lines(spec.usageMessage().header())).strip()))
          .append("\n\n");
    }
    description(md, lines(spec.usageMessage().description()));

    List<PositionalParamSpec> params =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!params.isEmpty()) {
      md.append("**Arguments**\n\n");
      for (PositionalParamSpec p : params) {
        String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
        if (p.arity().min() == 0) {
          label = "[" + label + "]";
        }
        md.append("- `").append(label).append("`: ");
        md.append(escape(argumentText(p.description(), p.defaultValue(), false, null)));
        md.append('\n');
      }
      md.append('\n');
    }

    List<OptionSpec> options =
        spec.options().stream()
            .filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
            .sorted(Comparator.comparing(CliReference::sortKey))
            .toList();
    if (!options.isEmpty()) {
      md.append("**Options**\n\n");
      for (OptionSpec o : options) {
        md.append("- ").append(optionNames(o)).append(": ");
        String fallback = o.arity().min() == 0 && o.arity().max() > 0 ? o.fallbackValue() : null;
        md.append(
            escape(argumentText(o.description(), o.defaultValue(), o.isMultiValue(), fallback)));
        md.append('\n');
      }
      md.append('\n');
    }

    Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
    if (!exitCodes.isEmpty()) {
      md.append("**Exit codes**\n\n");
      exitCodes.forEach(
          (code, text) ->
              md.append("- `").append(code.trim()).append("`: ").append(escape(text)).append('\n'));
      md.append('\n');
    } else if (cl != root) {
      md.append("**Exit codes**: those of [`pwk`](#pwk).\n\n");
    }
  }

  /**
   * The description lines as Markdown: each line is a paragraph (picocli wraps it, see
   * HelpTextTest), indented lines become a code block.
   */
  private static void description(StringBuilder md, List<String> lines) {
    boolean inCode = false;
    for (String line : lines) {
      boolean code = !line.isBlank() && Character.isWhitespace(line.charAt(0));
      if (code && !inCode) {
        md.append("```text\n");
      } else if (!code && inCode) {
        md.append("```\n\n");
      }
      inCode = code;
      if (code) {
        md.append(line.strip()).append('\n');
      } else if (!line.isBlank()) {
        md.append(escape(line.strip())).append("\n\n");
      }
    }
    if (inCode) {
      md.append("```\n\n");
    }
  }

  private static String argumentText(
      String[] description, String defaultValue, boolean repeatable, String fallback) {
    String text = String.join(" ", description).strip();
    StringBuilder sb = new StringBuilder(text.isEmpty() ? "(no description)" : text);
    String lower = text.toLowerCase(Locale.ROOT);
    if (repeatable && !lower.contains("repeatable")) {
      sb.append(" Repeatable.");
    }
    if (defaultValue != null && !lower.contains("default")) {
      sb.append(" Default: `").append(defaultValue).append("`.");
    }
    if (fallback != null && !fallback.isEmpty()) {
      sb.append(" Without a value: `").append(fallback).append("`.");
    }
    return sb.toString();
  }

  /**
   * Description or header lines as picocli prints them: {@code %n} starts a new line, {@code %%} is
   * a percent sign; leading and trailing blank lines are dropped.
   */
  private static List<String> lines(String[] text) {
    List<String> out = new ArrayList<>();
    for (String line : text) {
      for (String part : line.split("%n", -1)) {
        out.add(part.replace("%%", "%"));
      }
    }
    while (!out.isEmpty() && out.get(0).isBlank()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The header, or else the first line of the description. */
  private static String summary(CommandSpec spec) {
    List<String> header = lines(spec.usageMessage().header());
    if (!header.isEmpty()) {
      return String.join(" ", header).strip();
    }
    List<String> description = lines(spec.usageMessage().description());
    return description.isEmpty() ? "" : description.get(0).strip();
  }

  /** {@code `-f`, `--values=FILE[,FILE...]`}, with the parameter on the longest name. */
  private static String optionNames(OptionSpec o) {
    String[] names = o.names();
    String param = "";
    if (o.arity().max() > 0) {
      String label = o.paramLabel();
      if (o.splitRegex() != null && !o.splitRegex().isEmpty()) {
        String separator =
            o.splitRegexSynopsisLabel().isEmpty() ? o.splitRegex() : o.splitRegexSynopsisLabel();
        label = label + "[" + separator + label + "...]";
      }
      param = o.arity().min() == 0 ? "[=" + label + "]" : "=" + label;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      parts.add("`" + names[i] + (i == names.length - 1 ? param : "") + "`");
    }
    return String.join(", ", parts);
  }

  private static String sortKey(OptionSpec o) {
    return o.shortestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  /** The GitHub anchor of a heading such as {@code pwk show values}. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
  }

  /** Escapes what Markdown would take for HTML or emphasis. */
  private static String escape(String text) {
    return text.replace("<", "\\<").replace("*", "\\*");
  }

  private static String stripTrailing(String text) {
    StringBuilder sb = new StringBuilder();
    text.lines().forEach(l -> sb.append(l.stripTrailing()).append('\n'));
    return sb.toString();
  }
}
