package dev.prunebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliConsistencyTest {

  /** Runs {@code args} on a fresh command line, capturing both streams. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aWrongBackendExitsTwoWithOneLineListingTheValidBackends() {
    for (String command : List.of("nn", "accuracy", "bench", "check", "theorem43", "reproduce", "linear")) {
      assertThat(Main.commandLine().getSubcommands()).as("subcommands").containsKey(command);
      Run r = run(command, "--backend", "nosuchlib");
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains("nosuchlib").contains("reference").contains("ejml").contains("commons-math")
          .contains("'prunebench " + command + " --help'");
    }
  }

  @Test
  void aWithJarThatIsNotAFileExitsTwoWithOneLineNamingIt() {
    Run r = run("--with", "no/such/backend.jar", "check", "--backend", "reference");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("--with").contains("no/such/backend.jar");
  }

  @Test
  void aBadEnumValueAnUnknownOptionAndABadNumberAlsoGiveOneLineAndExitTwo() {
    for (String[] args : List.of(new String[] {"reproduce", "--preset", "huge"},
        new String[] {"nn", "--preset", "huge"}, new String[] {"nn", "--threads-policy", "many"},
        new String[] {"reproduce", "--no-such-option"},
        new String[] {"theorem43", "--seed", "notanumber"})) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
  }

  @Test
  void everySubcommandHasHelpWithDefaultsShownAndNoVariantOptionNames() {
    for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      CommandLine.Model.CommandSpec spec = e.getValue().getCommandSpec();
      assertThat(spec.usageMessage().showDefaultValues()).as(e.getKey() + " shows defaults").isTrue();
      assertThat(spec.findOption("--help")).as(e.getKey() + " --help").isNotNull();
      Run r = run(e.getKey(), "--help");
      assertThat(r.code()).as(e.getKey()).isZero();
      assertThat(r.out()).contains("Usage: prunebench " + e.getKey());
      for (CommandLine.Model.OptionSpec o : spec.options()) {
        assertThat(o.longestName()).as(e.getKey()).isNotIn("--backends", "--output", "--output-dir", "--dir",
            "--random-seed", "--lib", "--library");
      }
    }
  }

  @Test
  void theExperimentCommandsAcceptBackendSeedAndOut() {
    for (String cmd : List.of("nn", "theorem43", "accuracy", "reproduce", "linear")) {
      CommandLine sub = Main.commandLine().getSubcommands().get(cmd);
      assertThat(sub).as("subcommand " + cmd).isNotNull();
      for (String opt : List.of("--backend", "--seed", "--out")) {
        assertThat(sub.getCommandSpec().findOption(opt)).as(cmd + " " + opt).isNotNull();
      }
    }
  }

  @Test
  void anUnwritableOutputDirectoryIsOneLineNamingItForEveryExperiment(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("a-file");
    java.nio.file.Files.writeString(file, "not a directory");
    for (String cmd : List.of("theorem43", "accuracy", "nn", "linear")) {
      assertThat(Main.commandLine().getSubcommands()).as("subcommands").containsKey(cmd);
      Run r = run(cmd, "--out", file.resolve("sub").toString());
      assertThat(r.code()).as(cmd).isIn(1, 2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).as(cmd).contains("output directory").contains(file.toString());
    }
  }
}
