package com.coworkly.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races requests: each from its own thread, all let go at the same moment once every thread is ready. */
public final class Racing {

    private Racing() {}

    /** The replies in the order of the requests. */
    public static List<Reply> race(List<Callable<Reply>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = requests.stream()
                    .map(request -> pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return request.call();
                    }))
                    .toList();
            ready.await();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
