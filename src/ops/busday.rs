//! Business days (NumPy's `busdaycalendar`, `is_busday`, `busday_offset`, `busday_count`):
//! days are datetime64[D] ticks; a calendar is a week mask and a normalised holiday list.
//! The algorithms are NumPy's (datetime_busday.c), so rolls, offsets and counts agree with it
//! item for item, whole weeks jumped at once.

use crate::dtype::datetime::{ymd_from_days, NAT};
use crate::error::Result;

/// How `busday_offset` moves a date that is not a business day.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Roll {
    Raise,
    Nat,
    Following,
    Preceding,
    ModifiedFollowing,
    ModifiedPreceding,
}

impl Roll {
    pub fn parse(s: &str) -> Result<Roll> {
        Ok(match s {
            "raise" => Roll::Raise,
            "nat" => Roll::Nat,
            "forward" | "following" => Roll::Following,
            "backward" | "preceding" => Roll::Preceding,
            "modifiedfollowing" => Roll::ModifiedFollowing,
            "modifiedpreceding" => Roll::ModifiedPreceding,
            _ => bail!(Value, "Invalid business day roll parameter \"{s}\""),
        })
    }
}

/// A week mask (Monday first) and the holidays that fall on its business days, sorted and
/// without duplicates or NaT.
#[derive(Clone, Debug)]
pub struct Calendar {
    pub weekmask: [bool; 7],
    pub holidays: Vec<i64>,
}

/// Monday 0 .. Sunday 6 (1970-01-05 was a Monday).
fn day_of_week(d: i64) -> usize {
    (d - 4).rem_euclid(7) as usize
}

/// Months since year 0 of a day (to see a roll crossing a month).
fn month_number(d: i64) -> i64 {
    let (y, m, _) = ymd_from_days(d);
    y * 12 + m as i64 - 1
}

impl Calendar {
    /// A calendar with NumPy's normalisation of the holidays.
    pub fn new(weekmask: [bool; 7], mut holidays: Vec<i64>) -> Calendar {
        holidays.retain(|&h| h != NAT && weekmask[day_of_week(h)]);
        holidays.sort_unstable();
        holidays.dedup();
        Calendar { weekmask, holidays }
    }

    fn busdays_in_week(&self) -> i64 {
        self.weekmask.iter().filter(|&&b| b).count() as i64
    }

    fn is_holiday(&self, d: i64) -> bool {
        self.holidays.binary_search(&d).is_ok()
    }

    /// Is `d` a business day (NaT is not)?
    pub fn is_busday(&self, d: i64) -> bool {
        d != NAT && self.weekmask[day_of_week(d)] && !self.is_holiday(d)
    }

    fn step(&self, mut d: i64, forward: bool) -> i64 {
        loop {
            d += if forward { 1 } else { -1 };
            if self.is_busday(d) {
                return d;
            }
        }
    }

    /// The first holiday at or after `d` (an index into the holidays).
    fn on_or_after(&self, d: i64) -> usize {
        self.holidays.partition_point(|&h| h < d)
    }

    /// The first holiday after `d`.
    fn after(&self, d: i64) -> usize {
        self.holidays.partition_point(|&h| h <= d)
    }

    fn check_week(&self) -> Result<()> {
        ensure!(
            self.busdays_in_week() > 0,
            Value,
            "the business day weekmask must have at least one valid business day"
        );
        Ok(())
    }

    /// NumPy's `busday_offset` of one date: `roll` onto a business day, then `offset` business
    /// days on.
    pub fn offset(&self, date: i64, offset: i64, roll: Roll) -> Result<i64> {
        self.check_week()?;
        if date == NAT {
            ensure!(roll != Roll::Raise, Value, "NaT input in busday_offset");
            return Ok(NAT);
        }
        let mut d = date;
        if !self.is_busday(d) {
            d = match roll {
                Roll::Raise => bail!(Value, "Non-business day date in busday_offset"),
                Roll::Nat => return Ok(NAT),
                Roll::Following | Roll::ModifiedFollowing => {
                    let f = self.step(d, true);
                    if roll == Roll::ModifiedFollowing && month_number(f) != month_number(d) {
                        self.step(d, false)
                    } else {
                        f
                    }
                }
                Roll::Preceding | Roll::ModifiedPreceding => {
                    let b = self.step(d, false);
                    if roll == Roll::ModifiedPreceding && month_number(b) != month_number(d) {
                        self.step(d, true)
                    } else {
                        b
                    }
                }
            };
        }
        let per_week = self.busdays_in_week();
        let mut off = offset;
        if off > 0 {
            let begin = self.on_or_after(d);
            d += (off / per_week) * 7;
            off %= per_week;
            let crossed = self.after(d);
            off += crossed.saturating_sub(begin) as i64;
            while off > 0 {
                d += 1;
                if self.is_busday(d) {
                    off -= 1;
                }
            }
        } else if off < 0 {
            let end = self.after(d);
            d += (off / per_week) * 7;
            off %= per_week;
            let crossed = self.on_or_after(d);
            off -= end.saturating_sub(crossed) as i64;
            while off < 0 {
                d -= 1;
                if self.is_busday(d) {
                    off += 1;
                }
            }
        }
        Ok(d)
    }

    /// NumPy's `busday_count`: business days in `[begin, end)` (negative when `end` is
    /// earlier, counting `[end, begin)`).
    pub fn count(&self, begin: i64, end: i64) -> Result<i64> {
        self.check_week()?;
        ensure!(
            begin != NAT && end != NAT,
            Value,
            "Cannot compute a business day count with a NaT (not-a-time) date"
        );
        let (mut b, e, swapped) = if begin > end {
            (end + 1, begin + 1, true)
        } else {
            (begin, end, false)
        };
        let mut count = -((self.on_or_after(e) - self.on_or_after(b)) as i64);
        let weeks = (e - b) / 7;
        count += weeks * self.busdays_in_week();
        b += weeks * 7;
        let mut dow = day_of_week(b);
        while b < e {
            if self.weekmask[dow] {
                count += 1;
            }
            b += 1;
            dow = (dow + 1) % 7;
        }
        Ok(if swapped { -count } else { count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEEK: [bool; 7] = [true, true, true, true, true, false, false];

    #[test]
    fn counts_and_offsets_match_numpy() {
        // 2011-01-03 (Monday) is day 14977; values from numpy 2.4:
        // np.busday_count('2011-01-03', '2011-01-10') == 5,
        // np.busday_offset('2011-01-08', 1, roll='forward') == 2011-01-11 (14985),
        // np.busday_offset('2011-01-08', 0, roll='backward') == 2011-01-07 (14981).
        let c = Calendar::new(WEEK, vec![]);
        assert_eq!(c.count(14977, 14984).unwrap(), 5);
        assert_eq!(c.count(14984, 14977).unwrap(), -5);
        assert_eq!(c.offset(14982, 1, Roll::Following).unwrap(), 14985);
        assert_eq!(c.offset(14982, 0, Roll::Preceding).unwrap(), 14981);
        assert!(c.offset(14982, 0, Roll::Raise).is_err());
        assert_eq!(c.offset(NAT, 3, Roll::Nat).unwrap(), NAT);
        // A holiday on Tuesday 2011-01-04 (14978) is skipped.
        let h = Calendar::new(WEEK, vec![14978, NAT, 14978, 14982]);
        assert_eq!(h.holidays, vec![14978]);
        assert_eq!(h.offset(14977, 1, Roll::Raise).unwrap(), 14979);
        assert_eq!(h.count(14977, 14984).unwrap(), 4);
    }
}
