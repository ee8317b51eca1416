package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    /** A shell busy for a few hundred milliseconds of CPU. */
    private static final String BURN = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    /** A PostgreSQL data directory holds a {@code postmaster.pid} of several lines, which is no process to read. */
    @Test
    void aPidFileOfMoreThanOneNumberIsRefusedByName(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("one.pid"), ProcessHandle.current().pid() + "\n");
        Path postmaster = Files.writeString(
                directory.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n/data\n1796465681\n41161\n");

        assertThatThrownBy(() -> ProcessCpu.fromPidFiles(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(postmaster + " holds more than a process id");
    }

    /**
     * As a PostgreSQL server: a parent that ran one child to its end and runs another, found through the one still
     * running. The parent itself does nothing.
     */
    @Test
    void aServerIsItsParentProcessWithEveryChildRunningOrEnded() throws Exception {
        server =
                new ProcessBuilder("sh", "-c", "(" + BURN + "); (" + BURN + "; exec sleep 60) & echo $!; wait").start();
        long runningChild = Long.parseLong(
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                        .readLine()
                        .trim());
        awaitCommand(runningChild, "sleep");

        double child = ProcessCpu.of(runningChild).read().orElseThrow().millis();
        double parent = ProcessCpu.of(server.pid()).read().orElseThrow().millis();
        double wholeServer =
                ProcessCpu.serverOf(runningChild).read().orElseThrow().millis();

        assertThat(child).isGreaterThan(50);
        // The ended child burnt about as much as the running one, and only the parent's waiting counts it.
        assertThat(wholeServer - parent - child).isGreaterThan(child / 2);
    }

    /** Until the child has burnt its CPU and turned into {@code sleep}. */
    private static void awaitCommand(long pid, String command) throws Exception {
        Path comm = Path.of("/proc", Long.toString(pid), "comm");
        for (int tries = 0; tries < 300 && !Files.readString(comm).trim().equals(command); tries++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(comm).trim()).isEqualTo(command);
    }
}
