package dev.prunebench.cli;

import dev.prunebench.linalg.Backend;
import dev.prunebench.util.MemoryBudget;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one place where option values are judged before any work or I/O. The configuration records
 * ({@code Figure1Config}, {@code NnConfig}, {@code HessianBiasConfig}, ...) own the rules and throw an
 * {@link IllegalArgumentException} whose message starts with the offending component's name; this class
 * turns it into a picocli {@link ParameterException} naming the option and the value the user typed,
 * e.g. {@code --width: value '0' is invalid: width must be at least 1, got 0}, which {@link Main} prints
 * as one line with exit status 2. Memory is judged here too ({@link MemoryBudget}).
 */
final class Validation {
  private Validation() {}

  private static final Pattern LEADING_NAME = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)");

  /**
   * Builds a configuration; a rule it breaks becomes a usage error.
   *
   * @param optionOf option names by component name where they differ from the kebab-case spelling
   *     (e.g. {@code trainSize -> --train}); other components map to {@code --<kebab-case>} when such an
   *     option exists
   */
  static <T> T build(CommandSpec spec, Map<String, String> optionOf, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException e) {
      throw usageError(spec, optionOf, e);
    }
  }

  /** The usage error for a broken rule (see {@link #build}). */
  static ParameterException usageError(CommandSpec spec, Map<String, String> optionOf, IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    Matcher m = LEADING_NAME.matcher(message);
    OptionSpec option = null;
    if (m.find()) {
      String component = m.group(1);
      String name = optionOf.getOrDefault(component, "--" + kebab(component));
      option = spec.findOption(name);
    }
    return option == null ? new ParameterException(spec.commandLine(), message, e)
        : new ParameterException(spec.commandLine(), describe(option) + " is invalid: " + message, e);
  }

  /** A usage error for {@code option} (e.g. {@code --forks}) with a reason. */
  static ParameterException invalid(CommandSpec spec, String option, String reason) {
    OptionSpec o = spec.findOption(option);
    return new ParameterException(spec.commandLine(), (o == null ? option : describe(o)) + " " + reason);
  }

  /**
   * Refuses a run whose estimated working set does not fit (see {@link MemoryBudget}).
   *
   * @param sizes the options that set the sizes, e.g. {@code --p 40000 (n = 24000)}
   */
  static void requireMemory(CommandSpec spec, Backend backend, String sizes, MemoryBudget.Estimate need) {
    long nativeLimit = need.nativeBytes() > 0 ? backend.nativeMemoryLimitBytes() : 0;
    MemoryBudget.refusal(need, nativeLimit).ifPresent(why -> {
      throw new ParameterException(spec.commandLine(), sizes + ": the run " + why);
    });
  }

  /** {@code --width: value '0'}: the option and what the user typed (or its default). */
  static String describe(OptionSpec o) {
    String typed = String.join(",", o.originalStringValues());
    String value = !typed.isEmpty() ? typed : o.defaultValue();
    return o.longestName() + (value == null ? "" : ": value '" + value + "'");
  }

  /** {@code exponentStep -> exponent-step}. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
