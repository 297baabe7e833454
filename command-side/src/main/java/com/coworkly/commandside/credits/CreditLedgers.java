package com.coworkly.commandside.credits;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How other commands move credits: a paid membership period granting them, a booking spending or returning them.
 * Each ledger decides with its own handler, inside the calling command's unit of work, so that the credits and
 * what moved them are stored in one transaction and the audit trail shows one cause (as {@code Bookings} does).
 */
@Component
public class CreditLedgers {

    private final Repository<CreditAccount> ledgers;
    private final JdbcTemplate jdbc;

    CreditLedgers(@Qualifier("creditAccountRepository") Repository<CreditAccount> ledgers, JdbcTemplate jdbc) {
        this.ledgers = ledgers;
        this.jdbc = jdbc;
    }

    /** What the member's credits covered of the booking, spent now; none when the member has no ledger. */
    public long spend(SpendCredits command) {
        return ledgerExists(command) ? this.<Long>decide(command) : 0;
    }

    /** Gives credits back to the ledger that spent them; nothing when there is none. */
    public void giveBack(ReturnCredits command) {
        if (ledgerExists(command)) {
            decide(command);
        }
    }

    /** Stops the ledger's rollover, if it has one: its membership will have no next period. */
    public void endRollover(EndRollover command) {
        if (ledgerExists(command)) {
            decide(command);
        }
    }

    /** Asked of the event store rather than by loading: most members have no ledger, and Axon logs a missing one. */
    private boolean ledgerExists(CreditCommand command) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry WHERE aggregate_identifier = ?)",
                Boolean.class,
                command.targetId()));
    }

    /** Opens the ledger with its first grant; answers what the ledger's handler answers. */
    @SuppressWarnings("unchecked")
    public <R> R decide(CreditCommand command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CurrentUnitOfWork.get().getMessage().getMetaData());
        try {
            return (R)
                    ledgers.loadOrCreate(command.targetId(), CreditAccount::new).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("credit ledger " + command.targetId() + " failed to decide " + command, e);
        }
    }
}
