package io.kerberus.platform.scheduler;

import io.kerberus.platform.db.ConnectionPool;
import io.kerberus.platform.db.Migrations;
import io.kerberus.platform.db.TestDb;
import io.kerberus.plugin.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSchedulerIT {

    private static final SchedulerSettings FAST = new SchedulerSettings(Duration.ofMillis(50), Duration.ofMillis(600), Duration.ofMillis(200));

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final List<ConnectionPool> pools = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
        pools.forEach(TestDb::drop);
    }

    /** Two pools on one database (a shared PostgreSQL schema), or one pool twice for the in-memory H2. */
    private List<ConnectionPool> replicas(TestDb db) {
        if (db == TestDb.H2) {
            ConnectionPool pool = db.open();
            pools.add(pool);
            Migrations.migrate(pool, "platform", getClass().getClassLoader());
            return List.of(pool, pool);
        }
        String schema = TestDb.newSchema();
        ConnectionPool first = ConnectionPool.open(db.settings(schema));
        ConnectionPool second = ConnectionPool.open(db.settings(schema));
        Migrations.migrate(first, "platform", getClass().getClassLoader());
        pools.add(second);
        pools.add(first);
        return List.of(first, second);
    }

    private JdbcScheduler scheduler(ConnectionPool pool, String node) {
        JdbcScheduler scheduler = new JdbcScheduler(pool.jdbi(), node, FAST, Clock.systemUTC());
        cleanup.add(scheduler);
        return scheduler;
    }

    private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void runsPeriodicTasksAgainAndAgain(TestDb db) throws Exception {
        JdbcScheduler scheduler = scheduler(replicas(db).getFirst(), "a");
        AtomicInteger runs = new AtomicInteger();
        scheduler.register("test.tick", Schedule.every(Duration.ofMillis(100)), run -> runs.incrementAndGet());

        scheduler.start();

        await(() -> runs.get() >= 3, Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void twoReplicasNeverRunOneTaskAtTheSameTime(TestDb db) throws Exception {
        List<ConnectionPool> pools = replicas(db);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        List<String> runners = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String node : List.of("a", "b")) {
            JdbcScheduler scheduler = scheduler(node.equals("a") ? pools.get(0) : pools.get(1), node);
            scheduler.register("test.shared", Schedule.every(Duration.ofMillis(20)), run -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                runners.add(node);
                Thread.sleep(120);
                running.decrementAndGet();
                runs.incrementAndGet();
            });
            scheduler.start();
        }

        await(() -> runs.get() >= 6, Duration.ofSeconds(10));

        assertThat(maxRunning.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void oneShotTaskRunsOnceAcrossReplicas(TestDb db) throws Exception {
        List<ConnectionPool> pools = replicas(db);
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            JdbcScheduler scheduler = scheduler(pools.get(i), "node-" + i);
            scheduler.register("test.seed", Schedule.once(), run -> runs.incrementAndGet());
            scheduler.start();
        }

        await(() -> runs.get() >= 1, Duration.ofSeconds(5));
        Thread.sleep(500);

        assertThat(runs.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void leaseOfAKilledReplicaExpiresAndAnotherReplicaRunsTheTask(TestDb db) throws Exception {
        List<ConnectionPool> pools = replicas(db);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        JdbcScheduler doomed = new JdbcScheduler(pools.get(0).jdbi(), "doomed", FAST, Clock.systemUTC());
        doomed.register("test.long", Schedule.every(Duration.ofHours(1)), run -> {
            firstStarted.countDown();
            Thread.sleep(60_000);
        });
        doomed.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        doomed.abandon();
        JdbcScheduler survivor = scheduler(pools.get(1), "survivor");
        survivor.register("test.long", Schedule.every(Duration.ofHours(1)), run -> secondRan.countDown());
        survivor.start();

        assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
        await(() -> "survivor-done".equals(pools.get(1).jdbi().withHandle(h -> h.createQuery(
                "SELECT CASE WHEN last_run_at IS NOT NULL AND lease_holder IS NULL THEN 'survivor-done' ELSE 'pending' END FROM platform_tasks WHERE id = 'test.long'")
                .mapTo(String.class).one())), Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void triggerRunsATaskBeforeItsTime(TestDb db) throws Exception {
        JdbcScheduler scheduler = scheduler(replicas(db).getFirst(), "a");
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.register("test.later", Schedule.every(Duration.ofHours(1)).initialDelay(Duration.ofHours(1)), run -> ran.countDown());
        scheduler.start();
        Thread.sleep(200);
        assertThat(ran.getCount()).isEqualTo(1);

        scheduler.trigger("test.later");

        assertThat(ran.await(3, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void cancelsRunsThatPassTheirTimeoutAndReleasesTheLease(TestDb db) throws Exception {
        ConnectionPool pool = replicas(db).getFirst();
        JdbcScheduler scheduler = scheduler(pool, "a");
        CountDownLatch cancelled = new CountDownLatch(1);
        scheduler.register("test.slow", Schedule.every(Duration.ofHours(1)).timeout(Duration.ofMillis(200)), run -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                if (run.isCancelled()) {
                    cancelled.countDown();
                }
                throw e;
            }
        });
        scheduler.start();

        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        await(() -> !scheduler.isRunning("test.slow"), Duration.ofSeconds(3));
        String lease = pool.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(lease_holder, 'none') FROM platform_tasks WHERE id = 'test.slow'")
                .mapTo(String.class).one());
        assertThat(lease).isEqualTo("none");
    }
}
