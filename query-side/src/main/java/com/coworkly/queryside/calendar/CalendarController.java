package com.coworkly.queryside.calendar;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.standby.ReadsFromPrimary;
import com.coworkly.queryside.web.RefusalCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/**
 * A member's bookings as an iCalendar feed: for the signed-in member, and at a secret address that calendar
 * apps can poll without a token. Feeds answer {@code Cache-Control: no-store}: they hold personal data, and
 * the secret address is the only thing that guards them.
 */
@RestController
@Tag(name = "Calendar")
class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final String FEEDS = "/api/calendar-feeds/";
    static final String MY_FEED = "/api/members/me/calendar-feed";

    static final class CalendarFeedNotFound extends BusinessRefusal {
        CalendarFeedNotFound() {
            super(
                    RefusalCode.CALENDAR_FEED_NOT_FOUND,
                    Kind.NOT_FOUND,
                    "There is no calendar feed at this address; it was revoked or replaced by a newer one.");
        }
    }

    /** Where the new feed is; the address is the secret, so it is shown once and stored nowhere in clear. */
    record FeedAddress(String url) {}

    private final CalendarFeeds feeds;
    private final LiveBookings bookings;
    private final BookingCalendar calendar;

    CalendarController(CalendarFeeds feeds, LiveBookings bookings, BookingCalendar calendar) {
        this.feeds = feeds;
        this.bookings = bookings;
        this.calendar = calendar;
    }

    /** Waits for both read models it joins: the bookings and the catalogue that names them. */
    @GetMapping("/api/members/me/calendar.ics")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites({"bookings", "catalogue"})
    @Operation(summary = "The caller's live bookings (pending payment or confirmed) as an iCalendar feed")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar"))
    ResponseEntity<String> myCalendar(
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return feedOf(CurrentCaller.require().memberId());
    }

    /**
     * Open to anyone who knows the address. No {@code ?after=} here: it would let anyone hold a request thread
     * for the read-your-writes wait with a made-up token, and calendar apps do not send it. Read from the primary:
     * a revoked address must stop working at once, not once a standby has replayed the revocation.
     */
    @GetMapping(FEEDS + "{token}.ics")
    @ReadsFromPrimary
    @SecurityRequirements
    @Operation(
            summary = "A member's live bookings as an iCalendar feed, at the secret address that member was "
                    + "given; no token needed, CALENDAR_FEED_NOT_FOUND once revoked or replaced")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar"))
    ResponseEntity<String> feed(@PathVariable String token) {
        return feedOf(feeds.memberOf(new FeedToken(token)).orElseThrow(CalendarFeedNotFound::new));
    }

    @PostMapping(MY_FEED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Gives the caller a secret calendar feed address, replacing any earlier one")
    ResponseEntity<FeedAddress> issueFeed() {
        FeedToken token = feeds.issue(CurrentCaller.require().memberId());
        URI url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(FEEDS + token.value() + ".ics")
                .build()
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(url)
                .cacheControl(CacheControl.noStore())
                .body(new FeedAddress(url.toString()));
    }

    @DeleteMapping(MY_FEED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Revokes the caller's secret calendar feed address, if there is one")
    ResponseEntity<Void> revokeFeed() {
        feeds.revoke(CurrentCaller.require().memberId());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<String> feedOf(String memberId) {
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("coworkly.ics")
                                .build()
                                .toString())
                .body(calendar.of(bookings.of(memberId)));
    }
}
