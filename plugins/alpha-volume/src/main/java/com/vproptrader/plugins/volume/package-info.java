/** The volume-spike alpha plugin. Depends only on the plugin API. */
package com.vproptrader.plugins.volume;
