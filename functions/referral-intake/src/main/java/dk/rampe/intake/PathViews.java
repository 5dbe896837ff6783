package dk.rampe.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rampe.json.Json;
import dk.rampe.path.Milestone;
import dk.rampe.path.Path;

/** The participant's path as JSON; the jobcentre's view leaves out the consultant's reasons and notes. */
final class PathViews {
    private PathViews() {
    }

    static ObjectNode milestone(Milestone m, boolean withNotes) {
        ObjectNode o = Json.object();
        o.put("milestoneId", m.id());
        o.put("type", m.type().wireName());
        o.put("effectiveOn", m.effectiveOn().toString());
        if (m.employer() != null) o.put("employer", m.employer());
        if (m.jobKind() != null) o.put("jobKind", m.jobKind().wireName());
        if (m.hoursPerWeek() != null) o.put("hoursPerWeek", m.hoursPerWeek());
        if (m.expectedEnd() != null) o.put("expectedEnd", m.expectedEnd().toString());
        if (withNotes) {
            if (m.reason() != null) o.put("reason", m.reason());
            if (m.note() != null) o.put("note", m.note());
        }
        if (m.corrects() != null) o.put("corrects", m.corrects());
        o.put("recordedBy", m.recordedBy());
        o.put("recordedAt", m.recordedAt().toString());
        return o;
    }

    /** The steps as last corrected, in the order they took effect; staff also get every record. */
    static void write(ObjectNode view, Path path, boolean withNotes) {
        ArrayNode steps = view.putArray("path");
        for (Path.Step s : path.steps()) {
            ObjectNode o = milestone(s.current(), withNotes);
            if (!s.stepId().equals(s.current().id())) o.put("stepId", s.stepId());
            steps.add(o);
        }
        if (withNotes) {
            ArrayNode records = view.putArray("pathRecords");
            for (Milestone m : path.records()) records.add(milestone(m, true));
        }
    }
}
