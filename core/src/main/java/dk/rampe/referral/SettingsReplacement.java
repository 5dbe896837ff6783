package dk.rampe.referral;

import dk.rampe.core.DomainException;
import dk.rampe.settings.Settings;
import java.util.HashSet;
import java.util.Set;

/**
 * The rule for replacing the settings: a programme, or a jobcentre's partnership in a programme,
 * that still has active participants (received, accepted, enrolled) cannot be removed. Staff would
 * otherwise get 404 on people the jobcentre still sees as enrolled. Refused as a 409 naming the
 * programme (or jobcentre) and how many are active; one query per removed programme or partnership.
 */
public final class SettingsReplacement {
    private SettingsReplacement() {
    }

    /** Throws a conflict when {@code next} removes a programme or partnership of {@code current} still in use. */
    public static void refuseRemovalsInUse(Settings current, Settings next, ReferralStore referrals) {
        Set<String> nextProgrammes = new HashSet<>();
        for (Settings.Programme p : next.programmes()) nextProgrammes.add(p.id());
        Set<String> nextJobcentres = new HashSet<>();
        for (Settings.Jobcentre j : next.jobcentres()) nextJobcentres.add(j.id());
        for (int i = 0; i < current.programmes().size(); i++) {
            Settings.Programme p = current.programmes().get(i);
            if (!nextProgrammes.contains(p.id())) {
                long active = referrals.listByProgramme(p.id(), null).stream().filter(r -> r.status().active()).count();
                if (active > 0) throw DomainException.conflict("settings.programmeInUse", "programmes", p.id(), active);
                continue;
            }
            Settings.Programme kept = next.programmes().stream().filter(x -> x.id().equals(p.id())).findFirst()
                    .orElseThrow();
            for (Settings.Partner partner : p.partners()) {
                String jc = partner.jobcentreId();
                boolean stays = nextJobcentres.contains(jc)
                        && kept.partners().stream().anyMatch(x -> x.jobcentreId().equals(jc));
                if (stays) continue;
                long active = referrals.listByProgrammeForJobcentre(p.id(), jc).stream()
                        .map(Referral::status).filter(s -> s.active()).count();
                if (active > 0) {
                    throw DomainException.conflict("settings.jobcentreInUse", "jobcentres", jc, p.id(), active);
                }
            }
        }
    }
}
