package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The shutdown drain of {@link NativeCallGate}, on a private gate (the process's gate stays open). */
class NativeCallGateTest {

  @Test
  void closingWaitsForTheCallInFlightAndThenKeepsNewCallsOut() throws Exception {
    NativeCallGate gate = new NativeCallGate();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Thread call = new Thread(() -> {
      gate.acquire();
      try {
        inside.countDown();
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        gate.release();
      }
    });
    call.start();
    inside.await();
    // the call is still inside: a short close must time out rather than pass it
    assertThat(gate.close(100, TimeUnit.MILLISECONDS)).isFalse();
    finish.countDown();
    assertThat(gate.close(10, TimeUnit.SECONDS)).isTrue();
    call.join();
    AtomicBoolean entered = new AtomicBoolean();
    Thread late = new Thread(() -> {
      gate.acquire();
      entered.set(true);
    });
    late.setDaemon(true);
    late.start();
    late.join(300);
    assertThat(entered).as("a call after the close must not enter the library").isFalse();
    assertThat(late.isAlive()).isTrue();
  }
}
