package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
