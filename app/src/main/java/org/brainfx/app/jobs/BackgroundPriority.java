package org.brainfx.app.jobs;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Lowers the CPU priority of the workbench's long computations (fits, races), so that
 * the window's threads get a core the moment they need one while a fit keeps every core busy.
 * On two cores a fit's two threads at equal priority with the JavaFX and render threads made the
 * window wait up to a pulse or two for the processor.
 *
 * <p>Java's {@link Thread#setPriority} changes nothing on Linux, so there this sets the thread's
 * nice value through libc ({@code setpriority} on its thread id, which any user may raise);
 * elsewhere it uses {@link Thread#setPriority}, which Windows honours.
 */
public final class BackgroundPriority {
    /**
     * The nice value of background computations on Linux: the window's threads (nice 0) get about
     * ten times their share of a core, while a fit still gets a fair share beside other programs.
     */
    public static final int NICE = 10;
    /**
     * The nice value of work whose result the window shows while a fit runs (painting live charts,
     * simulating the best candidate's trace): below the window's threads, which show its pictures
     * (at the same priority it held pulses past 50 ms), and above the fit it shows.
     */
    public static final int DISPLAY_NICE = 5;
    private static final int PRIO_PROCESS = 0;

    /** The libc calls used here. */
    interface LibC extends Library {
        /** Sets the nice value of process or thread {@code who}; -1 on failure. */
        int setpriority(int which, int who, int prio);
    }

    private static final LibC LIBC = Platform.isLinux() ? loadLibc() : null;

    private BackgroundPriority() {
    }

    /**
     * Gives the calling thread a lower CPU priority; true when the operating system took it
     * (false leaves the thread as it was, e.g. where libc cannot be reached).
     */
    public static boolean lowerCurrentThread() {
        return lowerCurrentThread(NICE);
    }

    /**
     * Gives the calling thread nice value {@code nice} on Linux (elsewhere a Java priority as far
     * below normal: the lowest for background work, a little below normal for display work);
     * true when the operating system took it.
     */
    public static boolean lowerCurrentThread(int nice) {
        Thread.currentThread().setPriority(nice >= NICE ? Thread.MIN_PRIORITY : Thread.NORM_PRIORITY - 2);
        if (!Platform.isLinux()) {
            return Platform.isWindows();
        }
        int tid = currentThreadId();
        return LIBC != null && tid > 0 && LIBC.setpriority(PRIO_PROCESS, tid, nice) == 0;
    }

    /**
     * Gives the JVM's just-in-time compiler threads the background nice value on Linux and returns
     * how many it lowered (0 elsewhere). For the first seconds after start the compilers keep about one
     * of two cores busy; at the window's priority they made the render thread wait 30–60 ms for a core
     * when a fit started. Compilers the JVM adds later are started by these threads and inherit it.
     */
    public static int lowerJitCompilerThreads() {
        if (LIBC == null) {
            return 0;
        }
        int lowered = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                int tid = Integer.parseInt(task.getFileName().toString());
                if (isJitCompiler(task) && LIBC.setpriority(PRIO_PROCESS, tid, NICE) == 0) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc to read: the compilers keep their priority, which costs smoothness, not correctness.
        }
        return lowered;
    }

    /** The nice value of thread {@code tid} of this process on Linux, or 0 where that cannot be read. */
    static int niceOf(int tid) {
        return niceIn(Path.of("/proc/self/task", Integer.toString(tid), "stat"));
    }

    /** The calling thread's nice value on Linux (from /proc), or 0 where that cannot be read. */
    public static int currentNice() {
        return niceIn(Path.of("/proc/thread-self/stat"));
    }

    /** HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread0", …, cut to 15 characters. */
    static boolean isJitCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return name.matches("C[12] CompilerThre.*|JVMCI CompilerTh.*");
        } catch (IOException e) {
            return false;
        }
    }

    private static int niceIn(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // Fields after the command name (which may hold spaces, hence the last ')'): nice is the 17th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The kernel's id of the calling thread, from the /proc/thread-self link ("PID/task/TID"); -1 if unknown. */
    private static int currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static LibC loadLibc() {
        // "libc.so.6" first: plain "c" needs the libc.so development link, absent on most desktops.
        for (String name : new String[]{"libc.so.6", "c"}) {
            try {
                return Native.load(name, LibC.class);
            } catch (LinkageError e) {
                // Not this name, or JNA's own native part cannot load here (e.g. a no-exec temp folder):
                // the next name, then plain priorities.
            }
        }
        return null;
    }
}
