package dk.rampe.attendance;

import dk.rampe.schedule.DueIndex;
import java.util.Map;

class InMemoryAttendanceStoreTest extends AttendanceStoreContract {
    @Override
    protected AttendanceStore newStore() {
        return new InMemoryAttendanceStore();
    }

    @Override
    protected DueIndex<Map<String, String>> index(AttendanceStore store) {
        return ((InMemoryAttendanceStore) store).index();
    }
}
