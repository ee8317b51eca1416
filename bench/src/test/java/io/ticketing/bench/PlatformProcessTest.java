package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformProcessTest {

    @TempDir
    Path unpacked;

    @Test
    void startsALauncherWithTheClassDataArchiveRecordedBesideIt() throws Exception {
        Path launcher = Files.createFile(unpacked.resolve("booking-platform-launcher.jar"));
        Path archive = Files.createFile(unpacked.resolve("booking-platform-launcher.jsa"));

        assertThat(PlatformProcess.classDataArchiveOf(launcher)).contains(archive);
    }

    @Test
    void startsALauncherWithoutAnArchiveAsItIs() throws Exception {
        Path launcher = Files.createFile(unpacked.resolve("booking-platform-launcher.jar"));
        Files.createFile(unpacked.resolve("another-launcher.jsa"));

        assertThat(PlatformProcess.classDataArchiveOf(launcher)).isEmpty();
    }

    @Test
    void aBenchStoppedEarlyStopsItsPlatform() throws Exception {
        Path launcher = jarRunning(EndlessPlatform.class, unpacked.resolve("booking-platform-launcher.jar"));
        Path benchLog = unpacked.resolve("bench.log");
        Process bench = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BenchStartingAPlatform.class.getName(),
                        launcher.toString(),
                        unpacked.resolve("platform.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(benchLog.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> Files.readString(benchLog).contains(BenchStartingAPlatform.STARTED));
            ProcessHandle platform =
                    bench.children().findFirst().orElseThrow(() -> new AssertionError("no platform's process"));
            try {
                bench.destroy();

                assertThat(bench.waitFor())
                        .as("the bench's exit status after SIGTERM")
                        .isNotZero();
                await().atMost(Duration.ofSeconds(30)).until(() -> !platform.isAlive());
            } finally {
                platform.destroyForcibly();
            }
        } finally {
            bench.destroyForcibly();
        }
    }

    /** A jar that runs {@code main}, a class that needs nothing but the JDK. */
    private static Path jarRunning(Class<?> main, Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream contents = new JarOutputStream(file, manifest);
                InputStream classFile = main.getResourceAsStream("/" + entry)) {
            contents.putNextEntry(new JarEntry(entry));
            classFile.transferTo(contents);
            contents.closeEntry();
        }
        return jar;
    }

    /** Says what the launcher says once it is up, and runs until it is stopped. */
    static final class EndlessPlatform {

        public static void main(String[] args) throws InterruptedException {
            System.out.println("Press Ctrl-C to stop.");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A bench that has started its platform and is measuring it when it is stopped. */
    static final class BenchStartingAPlatform {

        static final String STARTED = "The platform is up";

        public static void main(String[] args) throws Exception {
            PlatformProcess.start(Path.of(args[0]), Map.of(), Path.of(args[1]), "32m");
            System.out.println(STARTED);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
