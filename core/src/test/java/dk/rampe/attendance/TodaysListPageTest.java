package dk.rampe.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rampe.referral.Referral;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's rules without HTTP: taps, the undo, and everything refused with nothing written. */
class TodaysListPageTest {
    private final TodaysListWorld w = new TodaysListWorld();
    private TodaysListPage page;
    private String token;
    private String listId;
    private Referral soren;

    @BeforeEach
    void morning() {
        soren = w.enrolled("RANNA0001", "Søren Sørensen", "p1", "c1", LocalTime.of(9, 0));
        w.enrolled("RANNA0002", "Mette Hansen", "p1", "c1", LocalTime.of(10, 0));
        w.enrolled("RBOBO0001", "Kaj Lund", "p1", "c2", LocalTime.of(9, 0));
        w.clock.at(TodaysListWorld.MONDAY, 8, 45);
        page = w.page();
        token = w.tokens.issue("c1", TodaysListWorld.MONDAY);
        listId = w.tokens.listId("c1", TodaysListWorld.MONDAY);
    }

    private Map<String, String> form(String referral, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("list", listId);
        m.put("referral", referral);
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private List<Registration> history(String referralId) {
        return w.store.load(referralId, TodaysListWorld.MONDAY, TodaysListWorld.MONDAY).registrations();
    }

    /** The page's audit entries of a referral (the fixture's own intake entry aside). */
    private List<String> listActions(String referralId) {
        return w.audit.actions(referralId).stream().filter(a -> a.startsWith("todaysList.")).toList();
    }

    private TodaysList.Entry entry(String referralId) {
        return w.lists.of("c1", TodaysListWorld.MONDAY).entry(referralId).orElseThrow();
    }

    @Test
    void theLinkOpensTheConsultantsOwnListAndTheViewIsAudited() {
        TodaysListPage.Show s = assertInstanceOf(TodaysListPage.Show.class, page.view(token, null, null, true));
        assertEquals(List.of("RANNA0001", "RANNA0002"), s.context().list().entries().stream()
                .map(TodaysList.Entry::referralId).toList());
        assertEquals(dk.rampe.core.Language.DA, s.context().consultantLanguage());
        assertNull(s.banner());
        assertEquals(List.of("todaysList.viewed"), w.audit.actions("programme:p1"));
        page.view(token, null, null, false); // HEAD: no data went out, not audited as a view
        assertEquals(1, w.audit.actions("programme:p1").size());
    }

    @Test
    void aSickCallBeforeTheStartIsExcusedSickAndRecordedByTheConsultant() {
        TodaysListPage.Done d = assertInstanceOf(TodaysListPage.Done.class,
                page.post(token, form("RANNA0001", "status", "sick")));
        Registration g = entry("RANNA0001").current().orElseThrow();
        assertEquals(d.registrationId(), g.id());
        assertEquals(Registration.Status.EXCUSED, g.status());
        assertEquals(Registration.Reason.SICK, g.reason());
        assertEquals("c1", g.recordedBy());
        assertEquals(w.clock.instant(), g.recordedAt());
        assertEquals(List.of("todaysList.registered.sick"), listActions("RANNA0001"));
        // the banner after the redirect offers the undo
        TodaysListPage.Show s = (TodaysListPage.Show) page.view(token, d.registrationId(), null, true);
        assertEquals(TodaysListPage.BannerKind.TAPPED, s.banner().kind());
        assertTrue(s.banner().undoable());
        // the same tap again (a double tap) writes nothing new
        TodaysListPage.Done again = (TodaysListPage.Done) page.post(token, form("RANNA0001", "status", "sick"));
        assertTrue(again.unchanged());
        assertEquals(1, history("RANNA0001").size());
    }

    @Test
    void lateNeedsAnArrivalAfterTheStartWithinTheSession() {
        w.clock.at(TodaysListWorld.MONDAY, 9, 20);
        for (String bad : List.of("", "9", "25:00", "09:60", "kl 9", "09:20:00", "0920")) {
            TodaysListPage.Invalid i = assertInstanceOf(TodaysListPage.Invalid.class,
                    page.post(token, form("RANNA0001", "status", "late", "arrival", bad)), bad);
            assertEquals(List.of("list.error.arrival"), i.errors());
            assertEquals("RANNA0001", i.referralId());
        }
        for (String bad : List.of("09:00", "08:30", "13:01", "23:59")) {
            TodaysListPage.Invalid i = assertInstanceOf(TodaysListPage.Invalid.class,
                    page.post(token, form("RANNA0001", "status", "late", "arrival", bad)), bad);
            assertEquals(List.of("list.error.arrivalRange"), i.errors(), bad);
        }
        assertEquals(List.of(), history("RANNA0001"), "nothing written");
        page.post(token, form("RANNA0001", "status", "late", "arrival", "9.20"));
        Registration g = entry("RANNA0001").current().orElseThrow();
        assertEquals(Registration.Status.LATE, g.status());
        assertEquals(LocalTime.of(9, 20), g.arrival());
        page.post(token, form("RANNA0002", "status", "present", "arrival", "garbage")); // ignored for present
        assertEquals(Registration.Status.PRESENT, entry("RANNA0002").current().orElseThrow().status());
    }

    @Test
    void theUndoRestoresWhatCountedBeforeTheTapOrNothingAndKeepsTheHistory() {
        TodaysListPage.Done present = (TodaysListPage.Done) page.post(token, form("RANNA0001", "status", "present"));
        w.clock.at(TodaysListWorld.MONDAY, 8, 46);
        TodaysListPage.Done undone = assertInstanceOf(TodaysListPage.Done.class,
                page.post(token, form("RANNA0001", "undo", present.registrationId())));
        assertTrue(undone.undo());
        assertTrue(entry("RANNA0001").current().isEmpty(), "back to nothing registered: the detection fires at 09:30");
        assertEquals(List.of(Registration.Status.PRESENT, Registration.Status.NONE),
                history("RANNA0001").stream().map(Registration::status).toList());
        TodaysListPage.Show s = (TodaysListPage.Show) page.view(token, null, undone.registrationId(), true);
        assertEquals(TodaysListPage.BannerKind.UNDONE, s.banner().kind());
        // the undo itself cannot be undone, nor the tap again
        assertEquals(409, ((TodaysListPage.Invalid) page.post(token, form("RANNA0001", "undo", undone.registrationId())))
                .status());
        assertEquals(409, ((TodaysListPage.Invalid) page.post(token, form("RANNA0001", "undo", present.registrationId())))
                .status());

        // sick, then late by mistake, undo: sick again
        page.post(token, form("RANNA0002", "status", "sick"));
        w.clock.at(TodaysListWorld.MONDAY, 10, 5);
        TodaysListPage.Done late = (TodaysListPage.Done) page.post(token, form("RANNA0002", "status", "late",
                "arrival", "10:05"));
        w.clock.at(TodaysListWorld.MONDAY, 10, 6);
        page.post(token, form("RANNA0002", "undo", late.registrationId()));
        Registration now = entry("RANNA0002").current().orElseThrow();
        assertEquals(Registration.Status.EXCUSED, now.status());
        assertEquals(Registration.Reason.SICK, now.reason());
        assertEquals(3, history("RANNA0002").size());
        assertEquals(List.of("todaysList.registered.present", "todaysList.undone", "todaysList.undoRefused",
                "todaysList.undoRefused"), listActions("RANNA0001"));
    }

    @Test
    void anUndoOfSomethingSomeoneElseChangedSinceIsRefusedAndWritesNothing() {
        TodaysListPage.Done present = (TodaysListPage.Done) page.post(token, form("RANNA0001", "status", "present"));
        w.clock.at(TodaysListWorld.MONDAY, 8, 50);
        w.attendance.register(soren, TodaysListWorld.MONDAY, Registration.Status.LATE, LocalTime.of(9, 10), null,
                "po-1"); // the project owner, in the web app
        TodaysListPage.Invalid i = assertInstanceOf(TodaysListPage.Invalid.class,
                page.post(token, form("RANNA0001", "undo", present.registrationId())));
        assertEquals(409, i.status());
        assertEquals(List.of("list.error.undoStale"), i.errors());
        assertEquals(2, history("RANNA0001").size());
        // and the banner of the old tap no longer offers the undo
        assertTrue(!((TodaysListPage.Show) page.view(token, present.registrationId(), null, true)).banner().undoable());
    }

    @Test
    void hostileFormsAreRefusedOrAnsweredWithAnErrorAndNothingIsWritten() {
        String bos = "RBOBO0001";
        assertEquals(List.of("list.error.notOnList"), ((TodaysListPage.Invalid) page.post(token,
                form(bos, "status", "present"))).errors(), "another consultant's participant");
        assertEquals(List.of("list.error.notOnList"), ((TodaysListPage.Invalid) page.post(token,
                form("R<script>", "status", "present"))).errors());
        assertEquals(List.of("list.error.notOnList"), ((TodaysListPage.Invalid) page.post(token,
                form("RNOSUCH01", "status", "present"))).errors());
        for (String bad : List.of("", "excused", "PRESENT", "none", "present ")) {
            assertEquals(List.of("list.error.status"), ((TodaysListPage.Invalid) page.post(token,
                    form("RANNA0001", "status", bad))).errors(), bad);
        }
        assertEquals(List.of("error.controlCharacters"), ((TodaysListPage.Invalid) page.post(token,
                form("RANNA0001", "status", "present", "arrival", "09:20\n"))).errors());
        assertEquals(List.of("list.error.status"), ((TodaysListPage.Invalid) page.post(token,
                form("RANNA0001", "status", "present", "undo", "G123456789"))).errors(), "a tap and an undo at once");
        // a form of another list (or none), a forged link, an expired one: refused
        Map<String, String> otherList = form("RANNA0001", "status", "present");
        otherList.put("list", w.tokens.listId("c2", TodaysListWorld.MONDAY));
        assertInstanceOf(TodaysListPage.Refused.class, page.post(token, otherList));
        Map<String, String> noList = form("RANNA0001", "status", "present");
        noList.remove("list");
        assertInstanceOf(TodaysListPage.Refused.class, page.post(token, noList));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertInstanceOf(TodaysListPage.Refused.class, page.post(forged, form("RANNA0001", "status", "present")));
        assertInstanceOf(TodaysListPage.Refused.class, page.view(forged, null, null, true));
        String yesterday = w.tokens.issue("c1", TodaysListWorld.MONDAY.minusDays(3));
        assertEquals(new TodaysListPage.Expired(TodaysListWorld.MONDAY.minusDays(3)), page.view(yesterday, null, null, true));
        assertInstanceOf(TodaysListPage.Expired.class, page.post(yesterday, form("RANNA0001", "status", "present")));
        String removed = w.tokens.issue("c9", TodaysListWorld.MONDAY); // signed, but no such consultant
        assertInstanceOf(TodaysListPage.Refused.class, page.view(removed, null, null, true));
        for (String id : List.of("RANNA0001", "RANNA0002", bos)) assertEquals(List.of(), history(id), id);
        assertTrue(w.audit.actions(TodaysListPage.REFUSED_SUBJECT).containsAll(List.of("todaysList.postRefused.otherList",
                "todaysList.postRefused.bad_signature", "todaysList.viewRefused.expired",
                "todaysList.viewRefused.unknown_consultant")), w.audit.actions(TodaysListPage.REFUSED_SUBJECT).toString());
    }
}
