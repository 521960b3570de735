package org.careledger.e2e;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Reading one row of a Vaadin grid, as a person reads across it. A grid renders each cell's content
 * as a light-DOM {@code vaadin-grid-cell-content} slotted into a {@code <td>} of its shadow DOM, and
 * reuses those elements as it scrolls, so their document order says nothing about rows: the row is
 * found through the slot the content is assigned to.
 */
final class GridRows {

    private GridRows() {
    }

    /** The texts of every cell in the row of the grid {@code gridId} one of whose cells reads exactly {@code cellText}; empty if none. */
    static List<String> rowWithCell(WebDriver driver, String gridId, String cellText) {
        return strings(js(driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const cell = grid && Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                    .find(c => c.textContent.trim() === arguments[1] && c.assignedSlot);
                return cell ? cellsOfRow(cell) : [];
                """ + CELLS_OF_ROW, gridId, cellText));
    }

    /** The texts of every cell in the row that holds {@code element} (a badge, a span, a button of a cell). */
    static List<String> rowOf(WebDriver driver, WebElement element) {
        return strings(js(driver).executeScript("""
                const cell = arguments[0].closest('vaadin-grid-cell-content');
                return cell && cell.assignedSlot ? cellsOfRow(cell) : [];
                """ + CELLS_OF_ROW, element));
    }

    private static final String CELLS_OF_ROW = """
            function cellsOfRow(cell) {
              const row = cell.assignedSlot.parentElement.parentElement;
              return Array.from(row.children).map(td => {
                const slot = td.querySelector('slot');
                const content = slot && slot.assignedElements()[0];
                return content ? content.textContent.trim() : '';
              });
            }
            """;

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }

    private static List<String> strings(Object result) {
        return result instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
