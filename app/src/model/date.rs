/// A Unix time as a calendar date, d.m.yyyy (UTC), as Finnish and Swedish
/// readers in Finland write it; plain enough for English readers too.
pub fn format_date(unix_secs: i64) -> String {
    let (y, m, d) = civil_from_days(unix_secs.div_euclid(86_400));
    format!("{d}.{m}.{y}")
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's
/// public-domain `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::format_date;

    #[test]
    fn dates_read_as_people_in_finland_write_them() {
        assert_eq!(format_date(0), "1.1.1970");
        assert_eq!(format_date(951_782_400), "29.2.2000");
        assert_eq!(format_date(1_795_305_600), "22.11.2026");
        assert_eq!(format_date(-86_400), "31.12.1969");
    }
}
