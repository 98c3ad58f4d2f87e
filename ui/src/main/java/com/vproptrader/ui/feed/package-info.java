/** The UI's single gRPC client of a host's AdminService: follows the Watch stream and publishes snapshots. */
package com.vproptrader.ui.feed;
