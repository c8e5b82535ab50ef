package com.siali.label.service.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.ServiceBusyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecodingPermitsTest {

  @Test
  void pastThePermitsAPictureWaitsItsTurnAndIsToldTheServerIsBusyIfTheWaitIsTooLong()
      throws Exception {
    DecodingPermits permits = new DecodingPermits(1, Duration.ofMillis(200));
    CountDownLatch decoding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                permits.decode(
                    () -> {
                      decoding.countDown();
                      await(finish);
                      return "first";
                    }));
    assertThat(decoding.await(5, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> permits.decode(() -> "second"))
        .isInstanceOf(ServiceBusyException.class)
        .hasMessage("The server is busy with other pictures; try again in a moment.");

    CompletableFuture<String> third =
        CompletableFuture.supplyAsync(() -> permits.decode(() -> "third"));
    Thread.sleep(50);
    finish.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(third.get(5, TimeUnit.SECONDS)).as("waited its turn").isEqualTo("third");
  }

  @Test
  void aFailedDecodeGivesItsPermitBack() {
    DecodingPermits permits = new DecodingPermits(1, Duration.ofMillis(100));
    assertThatThrownBy(
            () ->
                permits.decode(
                    () -> {
                      throw new IllegalStateException("unreadable");
                    }))
        .hasMessage("unreadable");
    assertThat(permits.decode(() -> "next")).isEqualTo("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
