import { queryRecords } from '../ceql/evaluate.js';
import { parseCeql } from '../ceql/parse.js';
import { EmulatorHttpError } from '../errors.js';
import type { EmulatorState } from '../model/state.js';
import { queryBoolean, readJsonObject } from '../server/http.js';
import type { RequestContext } from '../server/types.js';
import type { Handlers, Schema } from './types.js';

type Notification = Schema<'Notification'>;
type Subscription = Schema<'NotificationSubscription'>;
type Delivery = Schema<'NotificationDelivery'>;

/**
 * Handlers of notifications, subscriptions to their topics and deliveries. Creating a notification delivers it to
 * every active subscription of its topic at once (status `delivered`); nothing is POSTed, as the spec describes no
 * notification webhook body.
 */
export function notificationHandlers(state: EmulatorState): Handlers {
  const store = state.platform;
  const id = (ctx: RequestContext, name = 'id') => Number(ctx.params[name]);
  const requireNotification = (notificationId: number): Notification => {
    const found = store.notifications.get(notificationId);
    if (!found) throw new EmulatorHttpError(404, `No notification found with ID ${notificationId}`);
    return found;
  };
  const requireSubscription = (subscriptionId: number): Subscription => {
    const found = store.subscriptions.get(subscriptionId);
    if (!found) throw new EmulatorHttpError(404, `No subscription found with ID ${subscriptionId}`);
    return found;
  };
  /** A delivery as answered: with its notification and subscription when `hydrate=true`. */
  const shown = (ctx: RequestContext) => {
    const hydrate = queryBoolean(ctx.query, 'hydrate') ?? false;
    return (delivery: Delivery): Delivery => {
      if (!hydrate) return delivery;
      const notification = store.notifications.get(delivery.notificationId);
      const subscription = store.subscriptions.get(delivery.subscriptionId);
      return {
        ...delivery,
        ...(notification ? { notification } : {}),
        ...(subscription ? { subscription } : {}),
      };
    };
  };
  const matching = (ctx: RequestContext): Delivery[] => {
    const where = ctx.query.get('where');
    const expression = where ? parseCeql(where) : undefined;
    return queryRecords(store.notificationDeliveries, expression, undefined);
  };

  return {
    listNotifications: (ctx) => {
      const topics = new Set(ctx.query.getAll('topics[]'));
      return { json: [...store.notifications.values()].filter((n) => topics.has(n.topic)) };
    },
    createNotification: async (ctx) => {
      const body = (await readJsonObject(ctx)) as Schema<'NotificationCreate'>;
      const now = state.nowIso();
      const notification: Notification = {
        message: '',
        severity: 'medium',
        from: 'api',
        ...body,
        id: state.nextId('notification', 6001),
        createdDate: now,
        active: true,
        acknowledged: false,
      };
      store.notifications.set(notification.id, notification);
      for (const subscription of store.subscriptions.values()) {
        if (subscription.active === false || !subscription.topics.includes(notification.topic)) continue;
        store.notificationDeliveries.push({
          notificationId: notification.id,
          subscriptionId: subscription.id,
          status: 'delivered',
          createdDate: now,
          updatedDate: now,
        });
      }
      return { json: notification };
    },
    getNotification: (ctx) => ({ json: requireNotification(id(ctx)) }),
    deleteNotification: (ctx) => {
      store.notifications.delete(requireNotification(id(ctx)).id);
      return {};
    },
    acknowledgeNotification: (ctx) => {
      const acknowledged = { ...requireNotification(id(ctx)), acknowledged: true };
      store.notifications.set(acknowledged.id, acknowledged);
      return { json: acknowledged };
    },
    createNotificationSubscription: async (ctx) => {
      const body = (await readJsonObject(ctx)) as Schema<'NotificationSubscriptionCreate'>;
      const subscription: Subscription = { ...body, id: state.nextId('subscription', 7001), active: true };
      store.subscriptions.set(subscription.id, subscription);
      return { json: subscription };
    },
    getNotificationSubscription: (ctx) => ({ json: requireSubscription(id(ctx)) }),
    deleteNotificationSubscription: (ctx) => {
      store.subscriptions.delete(requireSubscription(id(ctx)).id);
      return {};
    },
    listNotificationDeliveries: (ctx) => ({ json: matching(ctx).map(shown(ctx)) }),
    redeliverNotificationDeliveries: (ctx) => {
      const now = state.nowIso();
      const redelivered = matching(ctx).map((delivery) => {
        const again: Delivery = { ...delivery, status: 'delivered', updatedDate: now };
        store.notificationDeliveries[store.notificationDeliveries.indexOf(delivery)] = again;
        return again;
      });
      return { json: redelivered.map(shown(ctx)) };
    },
    listNotificationSubscriptionDeliveries: (ctx) => {
      const notification = requireNotification(id(ctx));
      const found = store.notificationDeliveries.filter((d) => d.notificationId === notification.id);
      return { json: found.map(shown(ctx)) };
    },
    getNotificationSubscriptionDelivery: (ctx) => {
      const notification = requireNotification(id(ctx));
      const subscriptionId = id(ctx, 'subscriptionId');
      const found = store.notificationDeliveries.find(
        (d) => d.notificationId === notification.id && d.subscriptionId === subscriptionId,
      );
      if (!found)
        throw new EmulatorHttpError(
          404,
          `No delivery of notification ${notification.id} to subscription ${subscriptionId}`,
        );
      return { json: shown(ctx)(found) };
    },
  };
}
