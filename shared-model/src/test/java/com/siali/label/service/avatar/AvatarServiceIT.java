package com.siali.label.service.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.NewAccount;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarServiceIT {
  @TempDir Path tmp;
  DataDirectory dir;
  Database db;
  Services services;
  User ada;

  @BeforeEach
  void open() {
    dir = DataDirectory.open(tmp.resolve("data"));
    db = TestDatabases.open(dir);
    services =
        Services.over(
            db,
            dir.avatars(),
            PasswordHasher.withDefaults(),
            PasswordPolicy.standard(),
            Clock.systemUTC());
    ada = services.accounts().create(NewAccount.of("ada@example.com", "correct horse battery"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static byte[] png(int w, int h) throws Exception {
    return AvatarImagesTest.encode(
        AvatarImagesTest.picture(w, h, BufferedImage.TYPE_INT_RGB), "png");
  }

  @Test
  void uploadStoresAnOwnerOnlyFileUnderAGeneratedNameAndReplacesTheOldOne() throws Exception {
    var first = services.avatars().set(ada.id(), png(800, 600));
    assertThat(first.adjusted()).isTrue();
    String name = first.user().avatar().orElseThrow();
    assertThat(name).matches("[0-9a-f]{32}\\.jpg");
    Path file = dir.avatars().resolve(name);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(services.avatars().read(name)).isEqualTo(Files.readAllBytes(file));

    var second = services.avatars().set(ada.id(), png(64, 64));
    assertThat(second.adjusted()).isFalse();
    assertThat(Files.exists(file)).as("old picture deleted").isFalse();
    try (var files = Files.list(dir.avatars())) {
      assertThat(files.toList()).hasSize(1);
    }
  }

  @Test
  void aRefusedUploadChangesNothing() throws Exception {
    services.avatars().set(ada.id(), png(64, 64));
    String before = services.people().get(ada.id()).avatar().orElseThrow();
    assertThatThrownBy(() -> services.avatars().set(ada.id(), "<svg/>".getBytes()))
        .isInstanceOf(ValidationException.class);
    assertThat(services.people().get(ada.id()).avatar()).contains(before);
    try (var files = Files.list(dir.avatars())) {
      assertThat(files.toList()).hasSize(1);
    }
  }

  @Test
  void removeDeletesTheFile() throws Exception {
    String name = services.avatars().set(ada.id(), png(64, 64)).user().avatar().orElseThrow();
    assertThat(services.avatars().remove(ada.id()).avatar()).isEmpty();
    assertThat(Files.exists(dir.avatars().resolve(name))).isFalse();
  }

  @Test
  void onlyGeneratedNamesCanBeRead() throws Exception {
    Files.writeString(dir.root().resolve("secret.txt"), "top secret");
    for (String name :
        new String[] {"../install.secret", "../secret.txt", "x.png", "..", "", "a/b.png"}) {
      assertThatThrownBy(() -> services.avatars().read(name)).isInstanceOf(NotFoundException.class);
    }
    assertThatThrownBy(() -> services.avatars().read("0123456789abcdef0123456789abcdef.png"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void concurrentUploadsByOnePersonLeaveExactlyTheFileTheAccountNames() throws Exception {
    int threads = 20;
    byte[] picture = png(64, 64);
    var start = new java.util.concurrent.CyclicBarrier(threads);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var uploads = new java.util.ArrayList<java.util.concurrent.Future<AvatarService.Upload>>();
      for (int i = 0; i < threads; i++) {
        uploads.add(
            pool.submit(
                () -> {
                  start.await();
                  return services.avatars().set(ada.id(), picture);
                }));
      }
      for (var upload : uploads) {
        upload.get(); // every upload succeeds
      }
    } finally {
      pool.shutdownNow();
    }
    String named = services.people().get(ada.id()).avatar().orElseThrow();
    try (var files = Files.list(dir.avatars())) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(named);
    }
  }

  @Test
  void theSweepRemovesOldFilesOfOurNamingThatNoAccountNamesAndNothingElse() throws Exception {
    String named = services.avatars().set(ada.id(), png(64, 64)).user().avatar().orElseThrow();
    Path avatars = dir.avatars();
    Path oldOrphan =
        Files.write(avatars.resolve("0123456789abcdef0123456789abcdef.png"), new byte[1]);
    Path oldTemp = Files.write(avatars.resolve("upload123456789.tmp"), new byte[1]);
    Path youngOrphan =
        Files.write(avatars.resolve("fedcba9876543210fedcba9876543210.jpg"), new byte[1]);
    Path notOurs = Files.write(avatars.resolve("notes.txt"), new byte[1]);
    var longAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    for (Path old : new Path[] {oldOrphan, oldTemp, notOurs, avatars.resolve(named)}) {
      Files.setLastModifiedTime(old, longAgo);
    }

    assertThat(services.avatars().sweepOrphans()).isEqualTo(2);

    assertThat(oldOrphan).doesNotExist();
    assertThat(oldTemp).doesNotExist();
    assertThat(youngOrphan).as("may be an upload in flight").exists();
    assertThat(notOurs).exists();
    assertThat(avatars.resolve(named)).exists();
    assertThat(services.avatars().read(named)).isNotEmpty();
  }

  @Test
  void theSweepOfAnEmptyFolderDoesNothing() {
    assertThat(services.avatars().sweepOrphans()).isZero();
  }
}
