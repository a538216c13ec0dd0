package dev.prunebench.reproduce;

import dev.prunebench.report.Claim;
import dev.prunebench.report.Claims;
import dev.prunebench.report.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The head of the reports index for the network study (Section 4): the claims judged on the paper-size
 * run at the paper's protocol ({@code nn/paper}), then the seed-sensitivity verdicts
 * ({@code nn/sensitivity}), then the verdict of each claim side by side with the fast smoke run
 * ({@code nn}, preset quick). A report that is missing, or was written under another protocol (no
 * {@code study.csv}, or retraining capped), is said to be so — its verdicts are never shown as the
 * paper run's.
 */
final class NnStudyIndex {
  private NnStudyIndex() {}

  /** Appends the section for the reports under {@code out}. */
  static void append(StringBuilder sb, Path out) throws IOException {
    Path nn = out.resolve("nn");
    Path paper = nn.resolve("paper");
    Path sensitivity = nn.resolve("sensitivity");
    sb.append("## The network study (Section 4, Appendix D) at the paper's protocol\n\n");
    Map<String, String> study = study(paper);
    boolean paperOk = "paper".equals(study.get("preset")) && "paper rule".equals(study.get("retraining"));
    List<Claim> paperClaims = paperOk ? Claims.read(paper.resolve(Claims.FILE)) : List.of();
    if (paperOk) {
      sb.append("From [`nn/paper/`](nn/paper/README.md): m = ").append(study.get("width")).append(", ")
          .append(study.get("train")).append(" / ").append(study.get("test")).append(" digits, ")
          .append(study.get("lambdas")).append(" λ, ").append(study.get("fractions")).append(" sparsities, η ∈ ")
          .append(study.get("learning_rates")).append(", retraining to interpolation or 150 epochs, seed ")
          .append(study.get("seed")).append(".\n\n| claim | our measurement | verdict | why |\n|---|---|---|---|\n");
      for (Claim c : paperClaims) {
        sb.append("| ").append(ReportsIndex.cell(c.claim())).append(" | ").append(ReportsIndex.cell(c.measurement()))
            .append(" | **").append(c.verdict().text()).append("** | ").append(ReportsIndex.cell(c.why())).append(" |\n");
      }
      sb.append('\n');
    } else {
      sb.append("**The paper-size run at the paper's protocol is not present yet.** ").append(Files.isDirectory(paper)
          ? "[`nn/paper/`](nn/paper/README.md) holds a run under another protocol (" + (study.isEmpty()
          ? "written by an earlier version of `prunebench nn`, without `study.csv`: Figures 3–4 at one learning rate, "
          + "lottery retraining capped" : "preset " + study.get("preset") + ", retraining " + study.get("retraining"))
          + "); its verdicts are not the paper run's and are not shown here. " : "")
          .append("It is run as shards (`prunebench nn --preset paper --shard K/N`, then `--merge`; see the "
              + "project README).\n\n");
    }
    Path verdicts = sensitivity.resolve("verdicts.csv");
    Map<String, int[]> sens = new LinkedHashMap<>();
    if (Files.isRegularFile(verdicts)) {
      List<List<String>> rows = Csv.read(verdicts);
      for (List<String> r : rows.subList(1, rows.size())) {
        int[] n = sens.computeIfAbsent(r.get(0), k -> new int[2]);
        n[0] += r.get(3).equals("holds") ? 1 : 0;
        n[1]++;
      }
      sb.append("### Sensitivity over seeds and learning rates\n\nFrom [`nn/sensitivity/`](nn/sensitivity/README.md) "
          + "(m = 256, 2,000 digits, full grids, the paper's retraining rule, one report per seed): the table there "
          + "gives every claim's verdict per seed and learning rate; below, in how many (seed, η) it holds.\n\n");
    } else {
      sb.append("### Sensitivity over seeds and learning rates\n\n**Not present yet** (`nn/sensitivity/`: "
          + "`prunebench nn --preset sensitivity --seed S` per seed, then `--summarize`).\n\n");
    }
    Map<String, String> quickStudy = study(nn);
    List<Claim> quick = Files.isRegularFile(nn.resolve(Claims.FILE)) ? Claims.read(nn.resolve(Claims.FILE)) : List.of();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    paperClaims.forEach(c -> names.add(c.claim()));
    names.addAll(sens.keySet());
    quick.forEach(c -> names.add(c.claim()));
    if (names.isEmpty()) {
      return;
    }
    Map<String, String> quickV = new LinkedHashMap<>();
    quick.forEach(c -> quickV.put(c.claim(), c.verdict().text()));
    Map<String, String> paperV = new LinkedHashMap<>();
    paperClaims.forEach(c -> paperV.put(c.claim(), c.verdict().text()));
    sb.append("### Each claim at paper size, over seeds, and in the smoke run\n\n| claim | paper run | sensitivity: "
        + "holds in | quick (fast smoke run").append("quick".equals(quickStudy.get("preset")) ? ", retraining "
        + quickStudy.get("retraining") : "").append(") |\n|---|---|---|---|\n");
    for (String n : names) {
      int[] s = sens.get(n);
      sb.append("| ").append(ReportsIndex.cell(n)).append(" | ").append(paperV.getOrDefault(n, "–")).append(" | ")
          .append(s == null ? "–" : s[0] + " of " + s[1]).append(" | ").append(quickV.getOrDefault(n, "–"))
          .append(" |\n");
    }
    sb.append('\n');
  }

  /** The label of the nn report's claims in the general table: the quick preset is the fast smoke run. */
  static String label(Path out) throws IOException {
    Map<String, String> s = study(out.resolve("nn"));
    return "quick".equals(s.get("preset")) ? " — preset `quick`, the fast smoke run (not the paper's protocol)"
        : s.isEmpty() ? "" : " — preset `" + s.get("preset") + "`";
  }

  private static Map<String, String> study(Path dir) throws IOException {
    Map<String, String> kv = new LinkedHashMap<>();
    Path f = dir.resolve("study.csv");
    if (Files.isRegularFile(f)) {
      List<List<String>> rows = Csv.read(f);
      rows.subList(1, rows.size()).forEach(r -> kv.put(r.get(0), r.get(1)));
    }
    return kv;
  }
}
