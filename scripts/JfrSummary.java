import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples are, as tables for docs/benchmarks.md: by thread (pool numbers folded), by
 * library (the first frame outside the JDK), by top frame, and by method anywhere on the stack (JDK 17's jfr tool
 * has no "view"). Run with the JDK alone:
 * <pre>
 *   jcmd PID JFR.start name=profile settings=profile duration=60s filename=/tmp/profile.jfr
 *   java scripts/JfrSummary.java /tmp/profile.jfr [rows]
 * </pre>
 */
public class JfrSummary {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+", ""), 1, Integer::sum);
            topFrames.merge(name(frames.get(0)), 1, Integer::sum);
            libraries.merge(frames.stream().map(JfrSummary::name).filter(frame -> !isJdk(frame)).findFirst()
                    .map(JfrSummary::library).orElse("the JDK"), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            frames.stream().map(JfrSummary::name).filter(frame -> !isJdk(frame)).filter(seen::add)
                    .forEach(frame -> onStack.merge(frame, 1, Integer::sum));
        }
        System.out.printf("%d CPU samples%n", samples);
        print("by thread", threads, samples, rows);
        print("by library (first frame outside the JDK)", libraries, samples, rows);
        print("top frames (self)", topFrames, samples, rows);
        print("methods anywhere on the stack, outside the JDK", onStack, samples, rows);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.");
    }

    private static String library(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] : frame;
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.printf("%n| %s | share |%n|---|---|%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(entry -> System.out.printf("| `%s` | %.1f %% |%n", entry.getKey(),
                        100.0 * entry.getValue() / samples));
    }
}
