package com.siali.label.service.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siali.label.model.NewAccount;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.PasswordPolicy;
import com.siali.label.service.Services;
import com.siali.label.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.imageio.ImageIO;
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

  private void assertNoFiles() throws Exception {
    try (var files = Files.list(dir.avatars())) {
      assertThat(files.toList()).as("pictures live in the database (ADR 0018)").isEmpty();
    }
  }

  private static void assertGone(Services services, String name) {
    assertThatThrownBy(() -> services.avatars().read(name)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void uploadStoresThePictureUnderAGeneratedNameAndReplacesTheOldOne() throws Exception {
    var first = services.avatars().set(ada.id(), png(800, 600));
    assertThat(first.adjusted()).isTrue();
    String name = first.user().avatar().orElseThrow();
    assertThat(name).matches("[0-9a-f]{32}\\.jpg");
    byte[] stored = services.avatars().read(name);
    assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(512);
    assertThat(services.avatars().exists(name)).isTrue();

    var second = services.avatars().set(ada.id(), png(64, 64));
    assertThat(second.adjusted()).isFalse();
    assertGone(services, name);
    assertThat(services.avatars().exists(name)).isFalse();
    assertThat(services.avatars().read(second.user().avatar().orElseThrow())).isNotEmpty();
    assertNoFiles();
  }

  @Test
  void aRefusedUploadChangesNothing() throws Exception {
    services.avatars().set(ada.id(), png(64, 64));
    String before = services.people().get(ada.id()).avatar().orElseThrow();
    assertThatThrownBy(() -> services.avatars().set(ada.id(), "<svg/>".getBytes()))
        .isInstanceOf(ValidationException.class);
    assertThat(services.people().get(ada.id()).avatar()).contains(before);
    assertThat(services.avatars().read(before)).isNotEmpty();
  }

  @Test
  void removeDeletesThePicture() throws Exception {
    String name = services.avatars().set(ada.id(), png(64, 64)).user().avatar().orElseThrow();
    assertThat(services.avatars().remove(ada.id()).avatar()).isEmpty();
    assertGone(services, name);
  }

  @Test
  void deletingTheAccountDeletesItsPicture() throws Exception {
    // ada signed up first: she is the owner, who may delete accounts.
    User collab =
        services.accounts().create(NewAccount.of("collab@example.com", "correct horse battery"));
    String name = services.avatars().set(collab.id(), png(64, 64)).user().avatar().orElseThrow();
    services.administration().delete(ada.id(), collab.id());
    assertGone(services, name);
  }

  @Test
  void onlyGeneratedNamesCanBeRead() throws Exception {
    Files.writeString(dir.root().resolve("secret.txt"), "top secret");
    for (String name :
        new String[] {"../install.secret", "../secret.txt", "x.png", "..", "", "a/b.png"}) {
      assertGone(services, name);
    }
    assertGone(services, "0123456789abcdef0123456789abcdef.png");
  }

  @Test
  void concurrentUploadsByOnePersonLeaveExactlyThePictureTheAccountNames() throws Exception {
    int threads = 20;
    byte[] picture = png(64, 64);
    var start = new java.util.concurrent.CyclicBarrier(threads);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    var names = new java.util.ArrayList<String>();
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
        names.add(upload.get().user().avatar().orElseThrow()); // every upload succeeds
      }
    } finally {
      pool.shutdownNow();
    }
    String named = services.people().get(ada.id()).avatar().orElseThrow();
    assertThat(names).contains(named).doesNotHaveDuplicates();
    for (String name : names) {
      assertThat(services.avatars().exists(name)).as(name).isEqualTo(name.equals(named));
    }
  }

  @Test
  void anEarlierVersionsFilesMoveIntoTheDatabaseAndLeftoversGo() throws Exception {
    byte[] jpeg =
        services
            .avatars()
            .set(ada.id(), png(64, 64))
            .user()
            .avatar()
            .map(services.avatars()::read)
            .orElseThrow();
    services.avatars().remove(ada.id());
    String legacy = "00112233445566778899aabbccddeeff.jpg";
    Path avatars = dir.avatars();
    Files.write(avatars.resolve(legacy), jpeg);
    Path orphan = Files.write(avatars.resolve("0123456789abcdef0123456789abcdef.png"), new byte[1]);
    Path temp = Files.write(avatars.resolve("upload123456789.tmp"), new byte[1]);
    Path notOurs = Files.write(avatars.resolve("notes.txt"), new byte[1]);
    db.inTransactionDo(
        ctx ->
            new UserRepository(services.changes()).setAvatar(ctx, ada.id(), Optional.of(legacy)));
    assertThat(services.avatars().read(legacy))
        .as("served from the folder meanwhile")
        .isEqualTo(jpeg);

    assertThat(services.avatars().moveFilesIntoDatabase()).isEqualTo(1);

    assertThat(avatars.resolve(legacy)).doesNotExist();
    assertThat(orphan).doesNotExist();
    assertThat(temp).doesNotExist();
    assertThat(notOurs).exists();
    assertThat(services.avatars().read(legacy)).isEqualTo(jpeg);
    assertThat(services.avatars().moveFilesIntoDatabase()).as("once is enough").isZero();
  }

  @Test
  void movingAnEmptyFolderDoesNothing() {
    assertThat(services.avatars().moveFilesIntoDatabase()).isZero();
  }
}
