package dk.rampe.path;

import dk.rampe.attendance.InMemoryAttendanceStore;

class InMemoryPathStoreTest extends PathStoreContract {
    @Override
    protected Parts newParts() {
        InMemoryDueWork dueWork = new InMemoryDueWork();
        InMemoryAttendanceStore attendance = new InMemoryAttendanceStore();
        return new Parts(new InMemoryPathStore(dueWork, attendance), dueWork, attendance);
    }
}
