package dk.rampe.core;

/**
 * Who is calling, as established by the authorizer: a jobcentre (from its OAuth2 client),
 * a staff member of a programme (consultant, project owner), or an administrator.
 */
public record Caller(Role role, String id) {
    public enum Role { JOBCENTRE, STAFF, ADMIN }

    public static Caller jobcentre(String jobcentreId) {
        return new Caller(Role.JOBCENTRE, jobcentreId);
    }

    public static Caller staff(String username) {
        return new Caller(Role.STAFF, username);
    }

    public static Caller admin(String username) {
        return new Caller(Role.ADMIN, username);
    }
}
