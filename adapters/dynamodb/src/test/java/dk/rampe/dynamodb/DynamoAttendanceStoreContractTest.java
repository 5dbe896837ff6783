package dk.rampe.dynamodb;

import dk.rampe.attendance.AttendanceService;
import dk.rampe.attendance.AttendanceStore;
import dk.rampe.attendance.AttendanceStoreContract;
import dk.rampe.platform.RampeConfig;
import dk.rampe.schedule.DueIndex;
import java.util.IdentityHashMap;
import java.util.Map;

/** The attendance store's chain contract against DynamoDB Local over HTTP with the real SDK client. */
class DynamoAttendanceStoreContractTest extends AttendanceStoreContract {
    private final Map<AttendanceStore, String> tables = new IdentityHashMap<>();

    @Override
    protected AttendanceStore newStore() {
        RampeConfig config = DynamoContractTables.freshTables();
        AttendanceStore store = new DynamoAttendanceStore(DynamoContractTables.client(), config.table());
        tables.put(store, config.table());
        return store;
    }

    @Override
    protected DueIndex<Map<String, String>> index(AttendanceStore store) {
        return new DynamoDueWork(DynamoContractTables.client(), tables.get(store)).index(AttendanceService.KIND);
    }
}
