package dk.rampe.report;

import dk.rampe.referral.Referral;

import java.util.List;

/** The programme's referrals, read by query on the programme (never a scan of the table). */
public interface ReportReferrals {
    List<Referral> ofProgramme(String programmeId);
}
