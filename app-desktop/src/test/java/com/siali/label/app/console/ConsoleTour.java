package com.siali.label.app.console;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.shell.ConsoleModels;
import com.siali.label.app.console.shell.ConsoleWindow;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.User;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of every console screen, light and dark, for people to look at (not a test): run by
 * {@code tools/console-screenshots} under Xvfb with the real GTK toolkit. Writes PNGs into the
 * directory given.
 */
public final class ConsoleTour {
  private static final List<String[]> TEAM =
      List.of(
          new String[] {"ada@example.com", "Ada", "Lovelace"},
              new String[] {"grace@example.com", "Grace", "Hopper"},
          new String[] {"alan@example.com", "Alan", "Turing"},
              new String[] {"katherine@example.com", "Katherine", "Johnson"},
          new String[] {"jose@example.com", "José", "Martínez"},
              new String[] {"mei@example.com", "Mei", "Chen"},
          new String[] {"amara@example.com", "Amara", "Okafor"},
              new String[] {"lars@example.com", "Lars", "Nilsson"},
          new String[] {"priya@example.com", "Priya", "Sharma"},
              new String[] {"noah@example.com", "Noah", "Williams"});

  private final Path out;
  private final Path work;
  private ConsoleWindow shown;

  private ConsoleTour(Path out, Path work) {
    this.out = out;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots/console");
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("console-tour");
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    new ConsoleTour(out, work).run();
    Platform.exit();
    System.exit(0);
  }

  private void run() throws Exception {
    try (ConsoleFixture fixture = new ConsoleFixture(work.resolve("data"))) {
      Stage stage = FxThread.call(Stage::new);
      open(fixture, stage, false);
      shoot(stage, "01-create-owner-light");
      fill(stage, "#emailField", "lead@example.com");
      FxThread.call(
          () -> {
            ((javafx.scene.control.PasswordField) stage.getScene().lookup("#passwordField"))
                .setText("password");
            ((javafx.scene.control.Button) stage.getScene().lookup("#signInButton")).fire();
            return null;
          });
      pause(1500);
      shoot(stage, "01-create-owner-refused-light");

      User lead = fixture.account("lead@example.com", "Lena", "Lead");
      fixture
          .services
          .avatars()
          .set(lead.id(), Files.readAllBytes(ConsoleFixture.pictureFile(work, 400, 400)));
      for (int i = 0; i < TEAM.size(); i++) {
        String[] p = TEAM.get(i);
        User user = fixture.account(p[0], p[1], p[2]);
        if (i % 3 == 0) {
          fixture
              .services
              .avatars()
              .set(user.id(), Files.readAllBytes(ConsoleFixture.pictureFile(work, 300 + i, 300)));
        }
        if (i < 3) {
          var project = fixture.services.projects().create(user.id(), p[2] + " transcripts", "");
          fixture.services.projects().annotate(project.id(), lead.id(), "{}");
        }
      }
      for (int i = 0; i < 140; i++) {
        fixture.account("member" + i + "@example.com", "Member", String.format("No. %03d", i));
      }
      open(fixture, stage, false);
      fill(stage, "#emailField", "lead@example.com");
      shoot(stage, "02-log-in-light");

      new RememberedSignIn(fixture.services.sessions(), fixture.dataDir).remember(lead);
      for (boolean dark : new boolean[] {false, true}) {
        String theme = dark ? "dark" : "light";
        open(fixture, stage, dark);
        FxThread.call(
            () -> {
              @SuppressWarnings("unchecked")
              TableView<User> table = (TableView<User>) stage.getScene().lookup("#peopleTable");
              table.getSelectionModel().select(0);
              return null;
            });
        pause(1200);
        shoot(stage, "03-people-" + theme);
        fill(stage, "#peopleSearch", "ada");
        pause(800);
        FxThread.call(
            () -> {
              ((TableView<?>) stage.getScene().lookup("#peopleTable"))
                  .getSelectionModel()
                  .select(0);
              return null;
            });
        pause(800);
        shoot(stage, "04-people-search-" + theme);
        for (String[] section :
            new String[][] {
              {"#navADD_PEOPLE", "05-add-people-"},
              {"#navACCOUNT", "06-account-"},
              {"#navSERVER", "07-server-"}
            }) {
          FxThread.call(
              () -> {
                ((ToggleButton) stage.getScene().lookup(section[0])).fire();
                return null;
              });
          pause(900);
          shoot(stage, section[1] + theme);
          if (section[0].equals("#navADD_PEOPLE")) {
            shootDialog(stage, "#resetLink", "05b-reset-link-dialog-" + theme);
          }
        }
      }
      FxThread.call(
          () -> {
            shown.dispose();
            return null;
          });
    }
  }

  private void open(ConsoleFixture fixture, Stage stage, boolean dark) throws Exception {
    Background background = new Background(Executors.newFixedThreadPool(2), Platform::runLater);
    ConsoleWindow window =
        new ConsoleWindow(
            new ConsoleModels(fixture.context(), background), owner -> Optional.empty(), () -> {});
    ConsoleWindow previous = shown;
    shown = window;
    FxThread.call(
        () -> {
          if (previous != null) {
            previous.dispose();
          }
          window.show(stage, dark);
          return null;
        });
    pause(1500);
  }

  private static void fill(Stage stage, String query, String text) throws Exception {
    FxThread.call(
        () -> {
          ((TextField) stage.getScene().lookup(query)).setText(text);
          return null;
        });
  }

  private void shoot(Stage stage, String name) throws Exception {
    WritableImage image =
        FxThread.call(
            () -> {
              Scene scene = stage.getScene();
              Parent root = scene.getRoot();
              root.applyCss();
              root.layout();
              return scene.snapshot(null);
            });
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        png.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(png, "png", out.resolve(name + ".png").toFile());
    System.out.println("wrote " + out.resolve(name + ".png"));
  }

  /** Opens the confirmation behind {@code button}, keeps a picture of it, and cancels it. */
  private void shootDialog(Stage stage, String button, String name) throws Exception {
    Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup(button)).fire());
    pause(900);
    Stage dialog =
        FxThread.call(
            () ->
                javafx.stage.Window.getWindows().stream()
                    .filter(w -> w != stage && w instanceof Stage)
                    .map(w -> (Stage) w)
                    .findFirst()
                    .orElseThrow());
    shoot(dialog, name);
    FxThread.call(
        () -> {
          dialog.close();
          return null;
        });
    pause(300);
  }

  private static void pause(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }
}
