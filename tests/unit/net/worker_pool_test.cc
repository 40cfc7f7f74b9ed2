// WorkerPool: grows when every thread is busy (a blocked task never delays
// another), and threads idle past the timeout exit.
#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "daemon/net/worker_pool.h"

using namespace std::chrono_literals;

class WorkerPoolTest : public QObject {
  Q_OBJECT
 private slots:
  void blockedTasksDoNotStarveOthers() {
    db9::net::WorkerPool pool(5s);
    std::mutex mu;
    std::condition_variable cv;
    bool release = false;
    std::atomic<int> blocked{0};
    // Fifty tasks that wait for a signal only a later task gives: with a
    // fixed-size pool this deadlocks; ours must grow.
    for (int i = 0; i < 50; ++i) {
      pool.Submit([&] {
        ++blocked;
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return release; });
      });
    }
    std::atomic<bool> ran{false};
    pool.Submit([&] {
      {
        std::lock_guard lock(mu);
        release = true;
      }
      cv.notify_all();
      ran = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 5000);
    QCOMPARE(blocked.load(), 50);
    QVERIFY(pool.thread_count() >= 51);
  }

  void idleThreadsExit() {
    db9::net::WorkerPool pool(100ms);
    std::atomic<int> done{0};
    for (int i = 0; i < 8; ++i) {
      pool.Submit([&] {
        std::this_thread::sleep_for(20ms);
        ++done;
      });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 8, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pool.thread_count(), size_t{0}, 5000);
    // And it grows again afterwards.
    std::atomic<bool> ran{false};
    pool.Submit([&] { ran = true; });
    QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 5000);
  }

  void idleThreadIsReused() {
    db9::net::WorkerPool pool(5s);
    std::atomic<int> done{0};
    for (int i = 0; i < 20; ++i) {
      pool.Submit([&] { ++done; });
      QTRY_COMPARE_WITH_TIMEOUT(done.load(), i + 1, 5000);
      QTRY_COMPARE_WITH_TIMEOUT(pool.idle_count(), size_t{1}, 5000);
    }
    QCOMPARE(pool.thread_count(), size_t{1});
  }

  void shutdownRunsQueuedTasks() {
    std::atomic<int> done{0};
    {
      db9::net::WorkerPool pool(5s);
      for (int i = 0; i < 10; ++i) pool.Submit([&] { ++done; });
    }
    QCOMPARE(done.load(), 10);
  }
};

QTEST_GUILESS_MAIN(WorkerPoolTest)
#include "worker_pool_test.moc"
