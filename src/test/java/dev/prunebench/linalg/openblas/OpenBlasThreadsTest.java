package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import org.bytedeco.openblas.global.openblas_full;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The thread count and self-description that {@code backends} and benchmark metadata report. */
class OpenBlasThreadsTest {

  @BeforeAll
  static void load() {
    OpenBlasTestSupport.assumeOpenBlasLoads();
  }

  @Test
  void singleRunsOneThreadAndAllCoresRunsWhatOpenBlasChoseAtLoadTime() {
    assertThat(OpenBlasBackend.of(Parallelism.SINGLE).info().threads()).isEqualTo(1);
    int all = OpenBlasBackend.of(Parallelism.ALL_CORES).info().threads();
    assertThat(all).isEqualTo(OpenBlasRuntime.threadsFor(Parallelism.ALL_CORES)).isBetween(1,
        openblas_full.openblas_get_num_procs());
    String env = System.getenv("OPENBLAS_NUM_THREADS");
    if (env == null) {
      // Unset: OpenBLAS starts one thread per processor it sees.
      assertThat(all).isEqualTo(openblas_full.openblas_get_num_procs());
    }
  }

  @Test
  void eachKernelRunsWithItsInstancesThreadCountThoughTheSettingIsProcessWide() {
    OpenBlasBackend single = OpenBlasBackend.of(Parallelism.SINGLE);
    OpenBlasBackend all = OpenBlasBackend.of(Parallelism.ALL_CORES);
    NativeMatrix a = single.fromBoundary(Matrix.identity(4));
    all.release(all.multiply(a, a));
    assertThat(openblas_full.openblas_get_num_threads()).isEqualTo(all.info().threads());
    single.release(single.multiply(a, a));
    assertThat(openblas_full.openblas_get_num_threads()).isEqualTo(1);
    single.release(a);
  }

  @Test
  void infoNamesLibraryVersionCoreTypeAndEnvironment() {
    BackendInfo info = OpenBlasBackend.of(Parallelism.SINGLE).info();
    assertThat(info.backend()).isEqualTo(Backend.OPENBLAS);
    assertThat(info.library()).isEqualTo("OpenBLAS");
    assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    String core = openblas_full.openblas_get_corename().getString().trim();
    assertThat(core).isNotBlank();
    assertThat(info.details()).contains("core " + core).contains("OPENBLAS_CORETYPE=")
        .contains("process-wide");
  }

  @Test
  void theBackendEnumReportsOpenBlasAvailableHere() {
    assertThat(Backend.OPENBLAS.availability().available()).isTrue();
    assertThat(Backend.OPENBLAS.create(Parallelism.SINGLE).info().library()).isEqualTo("OpenBLAS");
  }
}
