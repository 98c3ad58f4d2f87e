package com.vproptrader.ui.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Page objects of the Alpha heatmap, Trades, Regimes, Risk monitor and Session report pages: each opens its
 * route and reads what an operator reads there.
 */
public final class AppPages {

    private AppPages() {
    }

    /** Alpha × symbol and alpha × regime heatmaps, weights, per-alpha figures. */
    public static final class Alpha extends Page {
        public Alpha(WebDriver driver, String baseUrl) {
            super(driver, baseUrl);
        }

        public Alpha open() {
            openAt("/alpha", "alpha-view");
            return this;
        }

        /** The text of cell alpha|column of the heatmap ("heatmap-symbol" or "heatmap-regime"), waiting for it. */
        public String cell(String heatmap, String alpha, String column) {
            By cell = By.cssSelector("#" + heatmap + " a[data-cell='" + alpha + "|" + column + "']");
            // the heatmap redraws on every host update: read the cell as found, again if it was replaced meanwhile
            return waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(cell);
                return found.isEmpty() ? null : found.get(0).getText();
            });
        }

        /** The regime bandit's posterior line of alpha × regime on the alpha × regime heatmap, waiting for it. */
        public String posterior(String alpha, String regime) {
            By line = By.cssSelector("#heatmap-regime [data-posterior='" + alpha + "|" + regime + "']");
            return waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(line);
                return found.isEmpty() ? null : found.get(0).getText();
            });
        }

        /** The row headers (alpha, with its weight on the regime heatmap) of a heatmap, once drawn. */
        public List<String> rowHeaders(String heatmap) {
            By headers = By.cssSelector("#" + heatmap + " tr th:first-child");
            return waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                List<String> texts = d.findElements(headers).stream().skip(1).map(WebElement::getText).toList();
                return texts.isEmpty() ? null : texts;
            });
        }

        public Trades openCell(String heatmap, String alpha, String column) {
            By cell = By.cssSelector("#" + heatmap + " a[data-cell='" + alpha + "|" + column + "']");
            waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(cell).click();
                return true;
            });
            waiting().until(d -> !d.findElements(By.id("trades-view")).isEmpty());
            return new Trades(driver, baseUrl);
        }

        public List<String> weights() {
            waiting().until(d -> rows("alpha-weights") > 0);
            return gridCellTexts("alpha-weights");
        }
    }

    /** Closed trades, filtered by the link that led here. */
    public static final class Trades extends Page {
        public Trades(WebDriver driver, String baseUrl) {
            super(driver, baseUrl);
        }

        public String title() {
            return driver.findElement(By.cssSelector("#trades-view h2")).getText();
        }

        public int awaitRows() {
            waiting().until(d -> rows("trades-grid") > 0);
            return rows("trades-grid");
        }

        public List<String> cells() {
            return gridCellTexts("trades-grid");
        }
    }

    /** Regime now per symbol, performance by regime. */
    public static final class Regimes extends Page {
        public Regimes(WebDriver driver, String baseUrl) {
            super(driver, baseUrl);
        }

        public Regimes open() {
            openAt("/regimes", "regimes-view");
            return this;
        }

        public List<String> now() {
            waiting().until(d -> rows("regimes-now") > 0);
            return gridCellTexts("regimes-now");
        }

        public List<String> performance() {
            waiting().until(d -> rows("regime-metrics") > 0);
            return gridCellTexts("regime-metrics");
        }
    }

    /** Open risk, exposure, ES95, correlation, filter vetoes. */
    public static final class Risk extends Page {
        public Risk(WebDriver driver, String baseUrl) {
            super(driver, baseUrl);
        }

        public Risk open() {
            openAt("/risk", "risk-view");
            return this;
        }

        public String tile(String id) {
            return text(id);
        }

        public List<String> exposure(String grid) {
            waiting().until(d -> rows(grid) > 0);
            return gridCellTexts(grid);
        }

        /** The matrix's cells, row by row (symbol names excluded), once drawn. */
        public List<String> correlation() {
            waiting().until(d -> !d.findElements(By.cssSelector("#correlation-matrix td")).isEmpty());
            return driver.findElements(By.cssSelector("#correlation-matrix td")).stream().map(WebElement::getText).toList();
        }

        public Risk waitUntil(java.util.function.Predicate<Risk> done) {
            waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> done.test(this));
            return this;
        }

        public long filterVetoes() {
            waiting().until(d -> rows("filter-vetoes") > 0);
            List<String> cells = gridCellTexts("filter-vetoes");
            return Long.parseLong(cells.get(cells.indexOf("spread") + 1).replace(",", ""));
        }
    }

    /** The daily digest of a chosen day and its downloads. */
    public static final class Report extends Page {
        public Report(WebDriver driver, String baseUrl) {
            super(driver, baseUrl);
        }

        public Report open() {
            openAt("/report", "report-view");
            return this;
        }

        public String day() {
            waiting().until(d -> !text("report-trades").equals("–"));
            return driver.findElement(By.id("report-day")).getText();
        }

        public String tile(String id) {
            return text(id);
        }

        /** Downloads the CSV or JSON link's file in the page's session and returns its text. */
        public String download(String linkId) {
            String href = driver.findElement(By.id(linkId)).getAttribute("href");
            Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                    href);
            return String.valueOf(text);
        }
    }
}
