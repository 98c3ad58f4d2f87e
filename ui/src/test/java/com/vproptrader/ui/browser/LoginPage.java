package com.vproptrader.ui.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The login page every other page sends a session without a login to. */
public final class LoginPage extends Page {

    public LoginPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public LoginPage open() {
        openAt("/login", "login-view");
        return this;
    }

    /** True when the browser is on the login page (e.g. after asking for another page without a login). */
    public boolean showing() {
        return !driver.findElements(By.id("login-view")).isEmpty() && driver.getCurrentUrl().contains("/login");
    }

    /** Logs in and waits for the page the login leads to (the Overview unless another page was asked for). */
    public void login(String user, String password) {
        submit(user, password);
        waiting().until(d -> d.findElements(By.id("login-view")).isEmpty() && !d.findElements(By.id("host-link")).isEmpty());
    }

    /** Submits the form and waits for the error it shows. */
    public String loginFails(String user, String password) {
        submit(user, password);
        waiting().until(d -> "true".equals(form().getAttribute("error")) || form().getDomAttribute("error") != null);
        return driver.findElement(By.id("login-view")).getText();
    }

    private WebElement form() {
        return driver.findElement(By.cssSelector("vaadin-login-form-wrapper, vaadin-login-form"));
    }

    private void submit(String user, String password) {
        waiting().until(d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        WebElement name = driver.findElement(By.cssSelector("input[name='username']"));
        name.clear();
        name.sendKeys(user);
        WebElement pass = driver.findElement(By.cssSelector("input[name='password']"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-button[theme~='submit']")).click();
    }
}
