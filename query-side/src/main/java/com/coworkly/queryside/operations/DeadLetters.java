package com.coworkly.queryside.operations;

import com.coworkly.queryside.config.SavepointForEveryHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The read models' dead-letter queues, one per processing group, as Axon keeps them in
 * {@code query_side.dead_letter_entry}. Retries go through Axon's dead-letter processor, which runs a sequence's
 * letters in order through the group's handlers and stops at the first that fails again; evicting drops a sequence's
 * letters unhandled. See "Dead letters" in docs/operations.md.
 * <p>
 * A retry runs every handler under a savepoint, where a live processor takes one only after a failure (decision 33):
 * a letter that fails again must be requeued in the retry's transaction, still valid, and the request answered.
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;

    DeadLetters(EventProcessingConfiguration processing, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The groups that park dead letters, by name. */
    List<String> groups() {
        return processing.eventProcessors().keySet().stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .sorted()
                .toList();
    }

    long count(List<String> groups) {
        return groups.stream().mapToLong(group -> queue(group).size()).sum();
    }

    /** Group by group, sequence by sequence, each in the order it will be retried. */
    List<ParkedEvent> list(List<String> groups, long offset, int limit) {
        return groups.stream()
                .flatMap(group -> stream(queue(group).deadLetters()).flatMap(sequence -> parked(group, sequence)))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    Retried retry(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        Set<String> sequences = new LinkedHashSet<>();
        stream(queue(group).deadLetters())
                .forEach(sequence ->
                        stream(sequence).findFirst().ifPresent(first -> sequences.add(ParkedEvent.sequenceOf(first))));
        int succeeded = 0;
        for (String sequence : sequences) {
            if (process(processor, sequence)) {
                succeeded++;
            }
        }
        return new Retried(group, sequences.size(), succeeded, queue(group).amountOfSequences());
    }

    /** A sequence with nothing parked is retried as a no-op, so that a repeated request answers the same. */
    Retried retry(String group, String sequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequence)) {
            return new Retried(group, 0, 0, queue.amountOfSequences());
        }
        boolean succeeded = process(processor, sequence);
        return new Retried(group, 1, succeeded ? 1 : 0, queue.amountOfSequences());
    }

    private static boolean process(SequencedDeadLetterProcessor<EventMessage<?>> processor, String sequence) {
        return SavepointForEveryHandler.during(
                () -> processor.process(letter -> sequence.equals(ParkedEvent.sequenceOf(letter))));
    }

    /** Drops every letter of the sequence, in one transaction; a sequence with nothing parked is left as it is. */
    void evict(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        transaction.executeWithoutResult(status -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            letters.forEach(queue::evict);
        });
    }

    void requireGroup(String group) {
        queue(group);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NoSuchProcessingGroup(group));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> new NoSuchProcessingGroup(group));
    }

    private static Stream<ParkedEvent> parked(String group, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        List<ParkedEvent> events = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            events.add(ParkedEvent.of(group, letter, events.size() + 1));
        }
        return events.stream();
    }

    private static <T> Stream<T> stream(Iterable<T> iterable) {
        return StreamSupport.stream(iterable.spliterator(), false);
    }
}
