package com.vproptrader.ui.feed;

/** The UI's link to the host's AdminService. */
public enum LinkState {
    /** Dialling, or waiting for the first update of a new Watch stream. */
    CONNECTING,
    /** The Watch stream is delivering updates. */
    CONNECTED,
    /** The stream failed; the feed retries with backoff and the snapshot keeps the last values seen. */
    DISCONNECTED
}
