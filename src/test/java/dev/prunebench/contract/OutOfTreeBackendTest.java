package dev.prunebench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.ForwardingBackend;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bring-your-own-backend route end to end, as a library author takes it: a backend written outside
 * this project (the README's example: the reference kernels with the author's own GEMM) is compiled
 * against the product's classes into its own jar, loaded with {@code prunebench --with JAR} through
 * {@link java.util.ServiceLoader}, and judged by {@code prunebench check}; then the same backend with
 * a planted off-by-one in its GEMM loop must fail, naming the products contract and no other.
 *
 * <p>Each run is a separate JVM, so the providers loaded there never join this JVM's backend list. The
 * groups are limited to products and conversions to keep the test fast (the full suite is what
 * {@code check} runs without {@code --groups}).
 */
class OutOfTreeBackendTest {

  /** The README's example backend; {@code BUG} is replaced by nothing (correct) or by the planted bug. */
  static final String SOURCE = """
      package example.tiny;

      import dev.prunebench.linalg.Backend;
      import dev.prunebench.linalg.BackendInfo;
      import dev.prunebench.linalg.BackendProvider;
      import dev.prunebench.linalg.Checks;
      import dev.prunebench.linalg.ForwardingBackend;
      import dev.prunebench.linalg.LinearAlgebraBackend;
      import dev.prunebench.linalg.Matrix;
      import dev.prunebench.linalg.Parallelism;

      public final class TinyProvider implements BackendProvider {
        public String name() { return "NAME"; }
        public String library() { return "tiny example"; }
        public String description() { return "reference kernels with its own triple-loop GEMM"; }
        public LinearAlgebraBackend<?> create(Parallelism p) { return new TinyBackend(p); }

        static final class TinyBackend extends ForwardingBackend<Object> {
          TinyBackend(Parallelism p) { super(ForwardingBackend.erased(Backend.REFERENCE, p)); }

          @Override public BackendInfo info() {
            return new BackendInfo(Backend.parse("NAME"), "tiny example", "1", 1, "own GEMM");
          }

          /** The library's own product C = A·B: the textbook loop, on row-major copies. */
          @Override public Object multiply(Object a, Object b) {
            Matrix x = toBoundary(a);
            Matrix y = toBoundary(b);
            Checks.requireInner("A·B", x.cols(), y.rows(), x.rows(), x.cols(), y.rows(), y.cols());
            double[] c = new double[x.rows() * y.cols()];
            for (int i = 0; i < x.rows(); i++) {
              for (int k = 0; k < x.cols() BUG; k++) {
                for (int j = 0; j < y.cols(); j++) {
                  c[i * y.cols() + j] += x.get(i, k) * y.get(k, j);
                }
              }
            }
            return fromFiniteBoundary(Matrix.wrap(x.rows(), y.cols(), c));
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void anOutOfTreeBackendPassesCheckAndABrokenOneFailsNamingTheContract() throws Exception {
    Path good = backendJar("tiny", "");
    Result pass = check(good, "tiny");
    assertThat(pass.exit).as(pass.out).isZero();
    assertThat(pass.out).contains("checking tiny (tiny example; reference kernels with its own triple-loop GEMM)").containsPattern("ProductsContractTest .* PASS")
        .containsPattern("ConversionContractTest .* PASS").contains("check passed");

    // a plausible real bug: the GEMM loop stops one term short of the inner dimension
    Path broken = backendJar("tiny-broken", "- 1");
    Result fail = check(broken, "tiny-broken");
    assertThat(fail.exit).as(fail.out).isEqualTo(1);
    assertThat(fail.out).containsPattern("ProductsContractTest .* FAIL")
        .containsPattern("ConversionContractTest .* PASS").contains("check FAILED: [ProductsContractTest]")
        .contains("first failure: TINY_BROKEN");
  }

  /** Compiles the example against the product's classes and packs it with its service file. */
  private Path backendJar(String name, String bug) throws IOException {
    Path src = dir.resolve(name + "-src/example/tiny/TinyProvider.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, SOURCE.replace("NAME", name).replace("BUG", bug));
    Path classes = dir.resolve(name + "-classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, errors, errors, "-d", classes.toString(), "-cp", codeSource(ForwardingBackend.class),
        src.toString());
    assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/dev.prunebench.linalg.BackendProvider"));
      out.write("example.tiny.TinyProvider\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private record Result(int exit, String out) {}

  /** {@code prunebench --with JAR check --backend NAME} in a fresh JVM, the kit being this build's tests. */
  private Result check(Path jar, String backend) throws IOException, InterruptedException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = List.of(java.toString(), "--add-modules", "jdk.incubator.vector", "-cp", cp,
        "dev.prunebench.cli.Main", "--with", jar.toString(), "check", "--backend", backend,
        "--kit", codeSource(OutOfTreeBackendTest.class), "--groups", "ProductsContractTest,ConversionContractTest");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("check finished").isTrue();
    return new Result(p.exitValue(), out);
  }

  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
