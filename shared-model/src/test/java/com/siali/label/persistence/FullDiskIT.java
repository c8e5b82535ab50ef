package com.siali.label.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.model.NewAccount;
import com.siali.label.model.StorageUnavailableException;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 5 on a real full disk: the data directory on an 8 MiB tmpfs, filled by a file.
 * Needs root (mount); skipped elsewhere, where {@link StorageFailuresTest} and {@link
 * ClosedDatabaseRecoveryIT} still hold the mapping and the pool.
 */
class FullDiskIT {
  Path mount;
  Database db;
  Services services;
  DataDirectory dir;

  @BeforeEach
  void mountTinyDisk() throws Exception {
    mount = Files.createTempDirectory("siali-full-disk");
    boolean mounted;
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      mounted = p.waitFor() == 0;
    } catch (IOException e) {
      mounted = false;
    }
    if (!mounted) {
      Files.delete(mount);
    }
    assumeTrue(mounted, "cannot mount a tmpfs here (not root?)");
    dir = DataDirectory.open(mount.resolve("data"));
    db = Database.open(dir);
    services =
        Services.over(
            db,
            dir.avatars(),
            PasswordHasher.withDefaults(),
            PasswordPolicy.standard(),
            Clock.systemUTC());
  }

  @AfterEach
  void unmount() throws Exception {
    if (db != null) {
      db.close();
    }
    new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
    Files.deleteIfExists(mount);
  }

  @Test
  void aFullDiskRefusesWithStorageUnavailableAndTheFirstRequestAfterSpaceReturnsSucceeds()
      throws Exception {
    services.accounts().create(NewAccount.of("before@example.com", "correct horse battery"));
    warmThePool(8);
    Path filler = fill();

    for (int i = 0; i < 3; i++) {
      String email = "full" + i + "@example.com";
      assertThatThrownBy(
              () -> services.accounts().create(NewAccount.of(email, "correct horse battery")))
          .isInstanceOf(StorageUnavailableException.class);
    }

    Files.delete(filler);
    var after =
        services.accounts().create(NewAccount.of("after@example.com", "correct horse battery"));
    assertThat(services.people().get(after.id()).email().value()).isEqualTo("after@example.com");
    assertThat(
            services
                .people()
                .get(
                    services
                        .accounts()
                        .authenticate("before@example.com", "correct horse battery")
                        .id()))
        .isNotNull();
  }

  /** Leaves several idle connections in the pool, each of which the disk failure breaks. */
  private void warmThePool(int connections) throws Exception {
    CyclicBarrier together = new CyclicBarrier(connections);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        reads.add(
            pool.submit(
                () ->
                    db.inTransaction(
                        ctx -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return ctx.fetchValue("select 1");
                        })));
      }
      for (Future<?> read : reads) {
        read.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Path fill() throws IOException {
    Path filler = mount.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[64 * 1024];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(StorageFailures.isNoSpace(full)).isTrue();
    }
    return filler;
  }
}
