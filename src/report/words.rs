//! Terminal tables that never split a word: comfy-table wraps a cell at
//! spaces, and cuts a word longer than its column where the column ends
//! (`specifica│tion,`). Each column that may wrap is given at least the
//! width of its longest word, so only spaces (and Chinese text, which
//! breaks between any two characters) are wrapping points; a table too wide
//! for the terminal then runs past its edge rather than cutting words.

use comfy_table::{ColumnConstraint, Table, Width};
use unicode_width::UnicodeWidthStr;

/// The display width of the longest unbreakable run of a text: words
/// between spaces, and within them runs of non-Chinese characters (a
/// Chinese character may end a line).
pub fn longest_word(text: &str) -> usize {
    let mut longest = 0;
    for word in text.split_whitespace() {
        let mut run = 0;
        for c in word.chars() {
            let w = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
            if w >= 2 {
                // Wide characters break anywhere: each is a run of its own.
                longest = longest.max(run).max(w);
                run = 0;
            } else {
                run += w;
            }
        }
        longest = longest.max(run);
    }
    longest
}

/// Gives every column without a constraint of its own a lower boundary of
/// its longest word (header included), padding added.
pub fn keep_words(table: &mut Table) {
    let columns = table.column_count();
    let mut bounds = Vec::with_capacity(columns);
    for i in 0..columns {
        let longest = table
            .column_cells_with_header_iter(i)
            .flatten()
            .map(|cell| longest_word(&cell.content()))
            .max()
            .unwrap_or(0);
        bounds.push(longest);
    }
    for (i, longest) in bounds.into_iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            if column.constraint().is_none() && longest > 0 {
                let padding = usize::from(column.padding_width());
                let width = u16::try_from(longest + padding).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comfy_table::{ContentArrangement, presets};

    #[test]
    fn chinese_breaks_anywhere_words_do_not() {
        assert_eq!(
            longest_word("a specification, here"),
            "specification,".len()
        );
        assert_eq!(longest_word("每个域名一份"), 2);
        assert_eq!(longest_word("ICP备案承诺书"), 3);
        assert_eq!(longest_word(""), 0);
    }

    #[test]
    fn a_narrow_table_wraps_between_words() {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(40)
            .set_header(["a", "b"])
            .add_row([
                "the requirements specification of the province",
                "an unreasonably long description of something",
            ]);
        keep_words(&mut table);
        let text = table.to_string();
        for word in [
            "requirements",
            "specification",
            "unreasonably",
            "description",
        ] {
            assert!(text.contains(word), "{word} split in\n{text}");
        }
    }
}
