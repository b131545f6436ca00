package org.brainfx.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Long computations really run at a lower priority on Linux, and other threads keep theirs. */
class BackgroundPriorityTest {

    @Test
    void aLoweredThreadTakesTheNiceValueAndOthersKeepTheirs() throws Exception {
        assumeTrue(Platform.isLinux(), "nice values are a Linux matter");
        int before = BackgroundPriority.currentNice();
        int[] seen = new int[2];
        Thread t = new Thread(() -> {
            seen[0] = BackgroundPriority.lowerCurrentThread() ? 1 : 0;
            seen[1] = BackgroundPriority.currentNice();
        });
        t.start();
        t.join();

        assertEquals(1, seen[0], "the operating system took the lower priority");
        assertEquals(BackgroundPriority.NICE, seen[1]);
        assertEquals(before, BackgroundPriority.currentNice(), "the calling thread is untouched");
    }

    @Test
    void aThreadCanBeGivenAnyNiceValueAboveItsOwn() throws Exception {
        assumeTrue(Platform.isLinux(), "nice values are a Linux matter");
        int[] seen = new int[1];
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread(5);
            seen[0] = BackgroundPriority.currentNice();
        });
        t.start();
        t.join();

        assertEquals(5, seen[0]);
    }

    @Test
    void theJitCompilerThreadsAreLoweredAndNoOtherThread() throws Exception {
        assumeTrue(Platform.isLinux(), "nice values are a Linux matter");
        List<Path> tasks;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/task"))) {
            tasks = list.toList();
        }
        List<Path> compilers = tasks.stream().filter(BackgroundPriority::isJitCompiler).toList();
        assumeTrue(!compilers.isEmpty(), "this JVM runs with just-in-time compilers");
        Map<Path, Integer> before = new HashMap<>();
        tasks.forEach(task -> before.put(task, BackgroundPriority.niceOf(tid(task))));

        assertEquals(compilers.size(), BackgroundPriority.lowerJitCompilerThreads());
        for (Path task : tasks) {
            if (Files.exists(task)) {
                int expected = compilers.contains(task) ? BackgroundPriority.NICE : before.get(task);
                assertEquals(expected, BackgroundPriority.niceOf(tid(task)), "nice value of " + task);
            }
        }
    }

    private static int tid(Path task) {
        return Integer.parseInt(task.getFileName().toString());
    }

    @Test
    void computationsRunAtLowPriorityAndShortTasksDoNot() throws Exception {
        assumeTrue(Platform.isLinux(), "nice values are a Linux matter");
        int compute = CompletableFuture.supplyAsync(BackgroundPriority::currentNice, BackgroundTasks.computeExecutor())
                .get(10, TimeUnit.SECONDS);
        int shortTask = CompletableFuture.supplyAsync(BackgroundPriority::currentNice, BackgroundTasks.executor())
                .get(10, TimeUnit.SECONDS);

        int display = CompletableFuture.supplyAsync(BackgroundPriority::currentNice, BackgroundTasks.displayExecutor())
                .get(10, TimeUnit.SECONDS);
        assertEquals(BackgroundPriority.NICE, compute);
        assertEquals(BackgroundPriority.DISPLAY_NICE, display, "what live charts show, between the window and fits");
        assertEquals(BackgroundPriority.currentNice(), shortTask, "loading a project is not background work");
    }

    @Test
    void forkJoinWorkersFromTheFactoryLowerThemselves() throws Exception {
        assumeTrue(Platform.isLinux(), "nice values are a Linux matter");
        // A pool of its own with the factory: the common pool of this JVM may exist already.
        ForkJoinPool pool = new ForkJoinPool(1, new LowPriorityForkJoinThreads(), null, false);
        try {
            int[] seen = pool.submit(() -> new int[]{BackgroundPriority.currentNice(),
                    Thread.currentThread() instanceof ForkJoinWorkerThread ? 1 : 0}).get(10, TimeUnit.SECONDS);
            assertEquals(BackgroundPriority.NICE, seen[0]);
            assertEquals(1, seen[1]);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void installNamesTheFactoryForTheCommonPoolUnlessOneIsSet() {
        String old = System.getProperty(LowPriorityForkJoinThreads.PROPERTY);
        try {
            System.clearProperty(LowPriorityForkJoinThreads.PROPERTY);
            LowPriorityForkJoinThreads.install();
            assertEquals(LowPriorityForkJoinThreads.class.getName(), System.getProperty(LowPriorityForkJoinThreads.PROPERTY));
            System.setProperty(LowPriorityForkJoinThreads.PROPERTY, "some.Other");
            LowPriorityForkJoinThreads.install();
            assertTrue(System.getProperty(LowPriorityForkJoinThreads.PROPERTY).equals("some.Other"), "a user's choice stays");
        } finally {
            if (old == null) {
                System.clearProperty(LowPriorityForkJoinThreads.PROPERTY);
            } else {
                System.setProperty(LowPriorityForkJoinThreads.PROPERTY, old);
            }
        }
    }
}
